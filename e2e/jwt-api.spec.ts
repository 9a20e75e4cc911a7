import type { APIRequestContext } from "@playwright/test";
import {
  ANOTHER_SITE,
  bearer,
  type Claims,
  claimsOf,
  COOKIES,
  expect,
  expectError,
  issueTokens,
  meWithBearer,
  NEW_SIGN_IN_CLAIMS,
  newPerson,
  type Note,
  outliveAccessToken,
  postBody,
  postFromAnotherSite,
  randomIp,
  refreshWith,
  registerPerson,
  serverTimingSteps,
  SHORT_LIVED_SETTINGS,
  SHORT_LIVED_URL,
  test,
  type TokenPair,
} from "./fixtures";

// The JWT strategy for API clients: the token endpoint, rotation in JSON, sign-out, throttling,
// forged tokens, CSRF rules and expiry. The notes routes it guards are in notes-api.spec.ts.

const JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** What the token endpoint and a refresh in JSON answer: a new pair of 15-minute tokens. */
const NEW_PAIR = {
  access_token: expect.stringMatching(JWS),
  refresh_token: expect.stringMatching(/^[\w-]{43}$/),
  token_type: "Bearer",
  expires_in: 900,
};

async function listNotes(request: APIRequestContext, token: string): Promise<Note[]> {
  const response = await request.get("/api/jwt/notes", { headers: bearer(token) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { notes: Note[] }).notes;
}

test.describe("JWT API with Bearer tokens", () => {
  test("the token endpoint issues a pair; the Bearer token reads me and works with notes", async ({
    request,
    person,
  }) => {
    const issued = await request.post("/api/jwt/token", {
      data: { email: person.email, password: person.password },
    });
    expect(issued.status()).toBe(200);
    expect(issued.headers()["cache-control"]).toBe("no-store");
    // Tokens in the body, nothing in cookies: API clients keep them themselves.
    expect(issued.headers()["set-cookie"]).toBeUndefined();
    const pair = (await issued.json()) as TokenPair;
    expect(pair).toEqual(NEW_PAIR);

    const me = await meWithBearer(request, pair.access_token);
    expect(me.status()).toBe(200);
    const identity = (await me.json()) as { user: { id: string }; claims: Claims };
    expect(identity).toEqual({
      strategy: "jwt",
      verifier: "checked",
      transport: "bearer",
      user: { id: expect.any(String), email: person.email, name: person.name },
      claims: { ...NEW_SIGN_IN_CLAIMS, sub: identity.user.id },
    });
    expect(identity.claims.exp - identity.claims.iat).toBe(900);
    // The claims the verifier accepted are the token's own (me leaves out iss and aud).
    expect(claimsOf(pair.access_token)).toEqual({
      ...identity.claims,
      iss: "http://localhost:3100",
      aud: "http://localhost:3100/api",
    });

    const token = pair.access_token;
    expect(await listNotes(request, token)).toEqual([]);
    const created = await request.post("/api/jwt/notes", {
      data: { body: "  a note from an API client  " },
      headers: bearer(token),
    });
    expect(created.status()).toBe(201);
    const { note } = (await created.json()) as { note: Note };
    expect(note).toEqual({
      id: expect.any(String),
      body: "a note from an API client",
      createdVia: "jwt",
      createdAt: expect.any(String),
    });
    expect(await listNotes(request, token)).toEqual([note]);

    const deleted = await request.delete(`/api/jwt/notes/${note.id}`, { headers: bearer(token) });
    expect(deleted.status()).toBe(204);
    expect(await deleted.text()).toBe("");
    await expectError(
      await request.delete(`/api/jwt/notes/${note.id}`, { headers: bearer(token) }),
      404,
      "not_found",
    );
    expect(await listNotes(request, token)).toEqual([]);
  });

  test("refresh in JSON rotates the pair; the old refresh token within the grace window gets 409", async ({
    request,
    person,
  }) => {
    const first = await issueTokens(request, person);
    const rotated = await refreshWith(request, first.refresh_token);
    expect(rotated.status()).toBe(200);
    expect(rotated.headers()["set-cookie"]).toBeUndefined();
    const second = (await rotated.json()) as TokenPair;
    expect(second).toEqual(NEW_PAIR);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const [before, after] = [claimsOf(first.access_token), claimsOf(second.access_token)];
    expect(after).toMatchObject({ sub: before.sub, fam: before.fam, ver: before.ver });
    expect(after.jti).not.toBe(before.jti);
    expect((await meWithBearer(request, second.access_token)).status()).toBe(200);

    // The same (now used) refresh token again, right away: a racing tab, told to retry.
    await expectError(
      await refreshWith(request, first.refresh_token),
      409,
      "conflict",
      /retry with the newest one/,
    );
    // That ended nothing: the newest pair still works and rotates.
    expect((await meWithBearer(request, second.access_token)).status()).toBe(200);
    expect((await refreshWith(request, second.refresh_token)).status()).toBe(200);
  });

  test("logout with a Bearer token: the app refuses the token at once, a stateless service until exp", async ({
    request,
    person,
  }) => {
    const pair = await issueTokens(request, person);
    const logout = await request.post("/api/jwt/logout", { headers: bearer(pair.access_token) });
    expect(logout.status()).toBe(204);
    expect(await logout.text()).toBe("");

    const me = await meWithBearer(request, pair.access_token);
    await expectError(me, 401, "invalid_token", /revoked/);
    expect(me.headers()["www-authenticate"]).toContain('error="invalid_token"');
    await expectError(
      await request.get("/api/jwt/notes", { headers: bearer(pair.access_token) }),
      401,
      "invalid_token",
    );
    // The family went with it: the refresh token is dead too.
    await expectError(
      await refreshWith(request, pair.refresh_token),
      401,
      "invalid_token",
      /revoked/,
    );

    const downstream = await request.get("/api/downstream/profile", {
      headers: bearer(pair.access_token),
    });
    expect(downstream.status()).toBe(200);
    expect(await downstream.json()).toMatchObject({
      service: "downstream",
      subject: claimsOf(pair.access_token).sub,
      expiresAt: new Date(claimsOf(pair.access_token).exp * 1000).toISOString(),
    });
  });

  test("logout with the refresh token in JSON ends that family only", async ({
    request,
    person,
  }) => {
    const ended = await issueTokens(request, person);
    const kept = await issueTokens(request, person);
    const logout = await request.post("/api/jwt/logout", {
      data: { refresh_token: ended.refresh_token },
    });
    expect(logout.status()).toBe(204);

    await expectError(await meWithBearer(request, ended.access_token), 401, "invalid_token");
    await expectError(await refreshWith(request, ended.refresh_token), 401, "invalid_token");
    expect((await meWithBearer(request, kept.access_token)).status()).toBe(200);
  });

  test("wrong passwords get 401 with one message, then 429 with Retry-After, from that address only", async ({
    request,
    person,
  }) => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectError(
        await request.post("/api/jwt/token", {
          data: { email: person.email, password: `wrong password ${attempt}` },
        }),
        401,
        "unauthorized",
        "That email and password don't match an account.",
      );
    }
    // An unknown account gets the very same answer.
    await expectError(
      await request.post("/api/jwt/token", {
        data: { email: newPerson().email, password: person.password },
      }),
      401,
      "unauthorized",
      "That email and password don't match an account.",
    );

    for (const password of ["wrong password 6", person.password]) {
      const throttled = await request.post("/api/jwt/token", {
        data: { email: person.email, password },
      });
      await expectError(throttled, 429, "too_many_requests", /^Too many failed attempts/);
      const retryAfter = throttled.headers()["retry-after"] ?? "";
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
    }

    const elsewhere = await request.post("/api/jwt/token", {
      data: { email: person.email, password: person.password },
      headers: { "x-forwarded-for": randomIp() },
    });
    expect(elsewhere.status()).toBe(200);
  });

  test("every error has the standard JSON shape and none is a 500", async ({ request, person }) => {
    // No credentials at all.
    const anonymous = await request.get("/api/jwt/notes");
    await expectError(anonymous, 401, "unauthorized");
    expect(anonymous.headers()["www-authenticate"]).toBe("Bearer");
    await expectError(await request.get("/api/jwt/me"), 401, "unauthorized");
    await expectError(await request.post("/api/jwt/refresh"), 401, "unauthorized");
    await expectError(await request.get("/api/downstream/profile"), 401, "unauthorized");

    const { access_token: token } = await issueTokens(request, person);

    // Tokens that are not ours, or not tokens.
    const [header = "", payload = "", signature = ""] = token.split(".");
    const forged = `${header}.${Buffer.from(
      JSON.stringify({ ...claimsOf(token), sub: "someone-else" }),
    ).toString("base64url")}.${signature}`;
    const invalid = {
      garbage: "not-a-token",
      "three dots of nothing": "a.b.c",
      "payload changed": forged,
      "signature cut off": `${header}.${payload}.`,
      "alg none": `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url")}.${payload}.`,
      "4 KB long": `${token}${"A".repeat(4096)}`,
    };
    for (const [what, value] of Object.entries(invalid)) {
      const response = await meWithBearer(request, value);
      await expectError(response, 401, "invalid_token");
      expect(response.headers()["www-authenticate"], what).toContain(
        'Bearer error="invalid_token"',
      );
      const downstream = await request.get("/api/downstream/profile", { headers: bearer(value) });
      expect(downstream.status(), `downstream, ${what}`).toBe(401);
    }

    const auth = bearer(token);
    const methods = [
      {
        response: await request.put("/api/jwt/notes", { headers: auth, data: {} }),
        allow: "GET, POST",
      },
      {
        response: await request.get("/api/jwt/notes/anything", { headers: auth }),
        allow: "DELETE",
      },
      { response: await request.get("/api/jwt/token"), allow: "POST" },
      { response: await request.get("/api/jwt/refresh"), allow: "POST" },
      { response: await request.get("/api/jwt/logout"), allow: "POST" },
      { response: await request.post("/api/jwt/me", { headers: auth }), allow: "GET" },
      { response: await request.post("/.well-known/jwks.json"), allow: "GET" },
    ];
    for (const { response, allow } of methods) {
      await expectError(response, 405, "method_not_allowed");
      expect(response.headers()["allow"], response.url()).toBe(allow);
    }

    await expectError(
      await postBody(request, "/api/jwt/notes", "body=hello", "text/plain", auth),
      415,
      "unsupported_media_type",
    );
    await expectError(
      await postBody(
        request,
        "/api/jwt/token",
        `email=${person.email}`,
        "application/x-www-form-urlencoded",
      ),
      415,
      "unsupported_media_type",
    );
    await expectError(
      await postBody(request, "/api/jwt/notes", '{"body": "unterminated', "application/json", auth),
      400,
      "bad_request",
      "The body is not valid JSON.",
    );
    await expectError(
      await postBody(request, "/api/jwt/refresh", "{refresh_token:", "application/json"),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/jwt/notes", {
        data: { body: "x".repeat(17 * 1024) },
        headers: auth,
      }),
      413,
      "payload_too_large",
    );
    await expectError(
      await request.post("/api/jwt/token", {
        data: { email: person.email, password: "x".repeat(17 * 1024) },
      }),
      413,
      "payload_too_large",
    );
    await expectError(
      await request.post("/api/jwt/notes", { data: { body: "   " }, headers: auth }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/jwt/token", { data: { email: person.email } }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/jwt/refresh", {
        data: { refresh_token: "x", client_id: "someone" },
      }),
      400,
      "bad_request",
    );
    await expectError(
      await refreshWith(request, "made-up-refresh-token"),
      401,
      "invalid_token",
      "This refresh token is not valid.",
    );

    // None of that created anything.
    expect(await listNotes(request, token)).toEqual([]);
  });

  test("a cookie and a Bearer token naming two different people are refused", async ({
    request,
    person,
  }) => {
    const other = newPerson();
    await registerPerson(request, other);
    const mine = (await issueTokens(request, person)).access_token;
    const theirs = (await issueTokens(request, other)).access_token;

    const mixed = await request.get("/api/jwt/me", {
      headers: { ...bearer(theirs), cookie: `${COOKIES.jwtAccess}=${mine}` },
    });
    await expectError(mixed, 401, "invalid_token", /different people/);
    expect(mixed.headers()["www-authenticate"]).toContain('error="invalid_token"');
    await expectError(
      await request.post("/api/jwt/notes", {
        data: { body: "whose note is this?" },
        headers: { ...bearer(mine), cookie: `${COOKIES.jwtAccess}=${theirs}` },
      }),
      401,
      "invalid_token",
    );
    expect(await listNotes(request, mine)).toEqual([]);
    expect(await listNotes(request, theirs)).toEqual([]);

    // Two tokens of the same person are fine; the Bearer one is the one used.
    const again = (await issueTokens(request, person)).access_token;
    const same = await request.get("/api/jwt/me", {
      headers: { ...bearer(again), cookie: `${COOKIES.jwtAccess}=${mine}` },
    });
    expect(same.status()).toBe(200);
    expect(await same.json()).toMatchObject({
      transport: "bearer",
      claims: { jti: claimsOf(again).jti },
    });
  });

  test("another origin may use a Bearer token, never the cookie", async ({
    request,
    person,
    baseURL,
  }) => {
    const pair = await issueTokens(request, person);
    const cookie = { cookie: `${COOKIES.jwtAccess}=${pair.access_token}` };

    // A Bearer header can't be forged by another site's page (it needs a CORS preflight).
    const viaBearer = await postFromAnotherSite(request, "/api/jwt/notes", {
      data: { body: "sent from another origin with a Bearer token" },
      headers: bearer(pair.access_token),
    });
    expect(viaBearer.status()).toBe(201);
    const note = ((await viaBearer.json()) as { note: Note }).note;

    // The cookie rides along with any cross-site request, so it is refused there.
    await expectError(
      await postFromAnotherSite(request, "/api/jwt/notes", {
        data: { body: "planted" },
        headers: cookie,
      }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post("/api/jwt/notes", {
        data: { body: "planted" },
        headers: { ...cookie, "sec-fetch-site": "cross-site" },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await request.delete(`/api/jwt/notes/${note.id}`, {
        headers: { ...cookie, ...ANOTHER_SITE },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await postFromAnotherSite(request, "/api/jwt/refresh", {
        headers: { cookie: `${COOKIES.jwtRefresh}=${pair.refresh_token}` },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await postFromAnotherSite(request, "/api/jwt/logout", { headers: cookie }),
      403,
      "forbidden",
    );
    await expectError(
      await postFromAnotherSite(request, "/api/jwt/token", {
        data: { email: person.email, password: person.password },
      }),
      403,
      "forbidden",
    );
    expect(await listNotes(request, pair.access_token)).toEqual([note]);
    expect((await meWithBearer(request, pair.access_token)).status()).toBe(200);

    // From its own origin the cookie works.
    const home = await request.post("/api/jwt/notes", {
      data: { body: "made at home" },
      headers: { ...cookie, origin: baseURL ?? "" },
    });
    expect(home.status()).toBe(201);
    expect(await home.json()).toMatchObject({ note: { createdVia: "jwt" } });
  });

  test("the stateless downstream service times its verification and has no database to ask", async ({
    request,
    person,
  }) => {
    const { access_token: token } = await issueTokens(request, person);
    const downstream = await request.get("/api/downstream/profile", { headers: bearer(token) });
    expect(downstream.status()).toBe(200);
    expect(downstream.headers()["x-auth-strategy"]).toBe("jwt");
    expect(serverTimingSteps(downstream)).toEqual(["verify"]);
  });
});

test("an expired access token gets 401 token_expired with an RFC 6750 challenge; the refresh token still works", async ({
  request,
}) => {
  const person = newPerson();
  await registerPerson(request, person, SHORT_LIVED_URL);
  const pair = await issueTokens(request, person, SHORT_LIVED_URL);
  const ttl = SHORT_LIVED_SETTINGS.JWT_ACCESS_TTL_SECONDS;
  expect(pair.expires_in).toBe(ttl);
  const { iat, exp } = claimsOf(pair.access_token);
  expect(exp - iat).toBe(ttl);
  const me = (path: string) =>
    request.get(`${SHORT_LIVED_URL}${path}`, { headers: bearer(pair.access_token) });
  expect((await me("/api/jwt/me")).status()).toBe(200);

  // Refused once past exp and the verifier's clock tolerance, not before.
  await outliveAccessToken(pair.access_token, async () => (await me("/api/jwt/me")).status());
  expect(Date.now()).toBeGreaterThan(exp * 1000);
  for (const path of ["/api/jwt/me", "/api/jwt/notes"]) {
    const response = await me(path);
    await expectError(response, 401, "token_expired", /expired/);
    const challenge = response.headers()["www-authenticate"] ?? "";
    expect(challenge, path).toContain('error="invalid_token"');
    expect(challenge, path).toContain('error_description="expired"');
  }
  await expectError(await me("/api/downstream/profile"), 401, "invalid_token", /ERR_JWT_EXPIRED/);

  const refreshed = await refreshWith(request, pair.refresh_token, SHORT_LIVED_URL);
  expect(refreshed.status()).toBe(200);
  const renewed = (await refreshed.json()) as TokenPair;
  const again = await meWithBearer(request, renewed.access_token, SHORT_LIVED_URL);
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ user: { email: person.email } });
});
