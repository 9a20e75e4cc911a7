import {
  COOKIES,
  expect,
  expectError,
  postBody,
  postFromAnotherSite,
  signInOverHttp,
  test,
} from "./fixtures";

// The session strategy's own JSON routes: sign-in, me, sign-out, with their CSRF rules and error
// contract. The notes routes it guards are in notes-api.spec.ts, with the other strategies'.

test.describe("session JSON API", () => {
  test("signs in with JSON into the sealed cookie; me answers with the person", async ({
    request,
    person,
  }) => {
    const login = await request.post("/api/session/login", {
      data: { email: person.email, password: person.password },
    });
    expect(login.status()).toBe(200);
    expect(await login.json()).toEqual({
      strategy: "session",
      user: { id: expect.any(String), email: person.email, name: person.name },
      expiresAt: expect.any(String),
    });
    expect(login.headers()["set-cookie"]).toContain(`${COOKIES.session}=`);
    const me = await request.get("/api/session/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      strategy: "session",
      user: { email: person.email, name: person.name },
    });

    const logout = await request.post("/api/session/logout");
    expect(logout.status()).toBe(204);
    await expectError(await request.get("/api/session/me"), 401, "unauthorized");
  });

  test("signing someone in (login CSRF) or out from another site is refused", async ({
    request,
    person,
  }) => {
    await expectError(
      await postFromAnotherSite(request, "/api/session/login", {
        data: { email: person.email, password: person.password },
      }),
      403,
      "forbidden",
    );
    await expectError(await request.get("/api/session/me"), 401, "unauthorized");

    await signInOverHttp(request, "session", person);
    await expectError(await postFromAnotherSite(request, "/api/session/logout"), 403, "forbidden");
    expect((await request.get("/api/session/me")).status()).toBe(200);
  });

  test("a bad sign-in request has the standard JSON shape and is never a 500", async ({
    request,
    person,
  }) => {
    await expectError(
      await request.post("/api/session/login", { data: { email: person.email } }),
      400,
      "bad_request",
    );
    await expectError(
      await postBody(
        request,
        "/api/session/login",
        `email=${person.email}`,
        "application/x-www-form-urlencoded",
      ),
      415,
      "unsupported_media_type",
    );
    const getLogin = await request.get("/api/session/login");
    await expectError(getLogin, 405, "method_not_allowed");
    expect(getLogin.headers()["allow"]).toBe("POST");
    const getLogout = await request.get("/api/session/logout");
    await expectError(getLogout, 405, "method_not_allowed");
    expect(getLogout.headers()["allow"]).toBe("POST");
  });
});

test("unknown API paths answer with the JSON error shape", async ({ request }) => {
  const response = await request.get("/api/session/nope");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({
    error: { code: "not_found", message: "No such API endpoint." },
  });
});
