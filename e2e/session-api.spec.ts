import { type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  expect,
  newPerson,
  type Person,
  randomIp,
  registerPerson,
  SESSION_COOKIE,
  test,
} from "./fixtures";

// The session strategy's JSON API: sign-in, the notes resource, CSRF defence and the error contract.

type Note = { id: string; body: string; createdVia: string; createdAt: string };

async function signIn(request: APIRequestContext, person: Person): Promise<APIResponse> {
  const response = await request.post("/api/session/login", {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  return response;
}

async function listNotes(request: APIRequestContext): Promise<Note[]> {
  const response = await request.get("/api/session/notes");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { notes: Note[] }).notes;
}

async function createNote(
  request: APIRequestContext,
  body: string,
  headers: Record<string, string> = {},
): Promise<Note> {
  const response = await request.post("/api/session/notes", { data: { body }, headers });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { note: Note }).note;
}

/** Status, JSON content type and exactly { error: { code, message } }; never a 500. */
async function expectError(response: APIResponse, status: number, code: string): Promise<void> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body: unknown = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
}

test.describe("session JSON API", () => {
  test("signs in with JSON and lists, creates and deletes notes", async ({ request, person }) => {
    const login = await signIn(request, person);
    expect(await login.json()).toEqual({
      strategy: "session",
      user: { id: expect.any(String), email: person.email, name: person.name },
      expiresAt: expect.any(String),
    });
    expect(login.headers()["set-cookie"]).toContain(`${SESSION_COOKIE}=`);
    const me = await request.get("/api/session/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      strategy: "session",
      user: { email: person.email, name: person.name },
    });

    expect(await listNotes(request)).toEqual([]);

    const created = await request.post("/api/session/notes", {
      data: { body: "  first note via the API  " },
    });
    expect(created.status()).toBe(201);
    const { note } = (await created.json()) as { note: Note };
    expect(note).toEqual({
      id: expect.any(String),
      body: "first note via the API",
      createdVia: "session",
      createdAt: expect.any(String),
    });
    expect(Date.parse(note.createdAt)).not.toBeNaN();
    expect(await listNotes(request)).toEqual([note]);

    const deleted = await request.delete(`/api/session/notes/${note.id}`);
    expect(deleted.status()).toBe(204);
    expect(await deleted.text()).toBe("");
    await expectError(await request.delete(`/api/session/notes/${note.id}`), 404, "not_found");
    expect(await listNotes(request)).toEqual([]);
  });

  test("one person can neither delete nor see another person's note", async ({
    request,
    person,
    playwright,
    browser,
    baseURL,
  }) => {
    await signIn(request, person);
    const note = await createNote(request, "A's private note");

    const other = newPerson();
    await registerPerson(browser, other, baseURL ?? "");
    const otherRequest = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    await signIn(otherRequest, other);
    await expectError(await otherRequest.delete(`/api/session/notes/${note.id}`), 404, "not_found");
    expect(await listNotes(otherRequest)).toEqual([]);
    await otherRequest.dispose();

    expect(await listNotes(request)).toEqual([note]);
  });

  test("refuses unsafe requests from another origin and accepts its own", async ({
    request,
    person,
    baseURL,
  }) => {
    await signIn(request, person);
    const evil = { origin: "http://evil.test" };

    await expectError(
      await request.post("/api/session/notes", { data: { body: "planted" }, headers: evil }),
      403,
      "forbidden",
    );
    // No Origin, but the browser says the request comes from another site.
    await expectError(
      await request.post("/api/session/notes", {
        data: { body: "planted" },
        headers: { "sec-fetch-site": "cross-site" },
      }),
      403,
      "forbidden",
    );
    expect(await listNotes(request)).toEqual([]);

    const note = await createNote(request, "made at home", { origin: baseURL ?? "" });
    await expectError(
      await request.delete(`/api/session/notes/${note.id}`, { headers: evil }),
      403,
      "forbidden",
    );
    expect(await listNotes(request)).toEqual([note]);

    // Signing someone in (login CSRF) and out from another site are refused too.
    await expectError(
      await request.post("/api/session/login", {
        data: { email: person.email, password: person.password },
        headers: evil,
      }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post("/api/session/logout", { headers: evil }),
      403,
      "forbidden",
    );
    expect((await request.get("/api/session/me")).status()).toBe(200);
  });

  test("every error has the standard JSON shape and none is a 500", async ({ request, person }) => {
    // Before signing in.
    await expectError(await request.get("/api/session/notes"), 401, "unauthorized");
    await expectError(await request.get("/api/session/me"), 401, "unauthorized");
    await expectError(
      await request.post("/api/session/login", { data: { email: person.email } }),
      400,
      "bad_request",
    );

    await signIn(request, person);

    const put = await request.put("/api/session/notes", { data: { body: "x" } });
    await expectError(put, 405, "method_not_allowed");
    expect(put.headers()["allow"]).toBe("GET, POST");
    const getItem = await request.get("/api/session/notes/anything");
    await expectError(getItem, 405, "method_not_allowed");
    expect(getItem.headers()["allow"]).toBe("DELETE");
    const getLogin = await request.get("/api/session/login");
    await expectError(getLogin, 405, "method_not_allowed");
    expect(getLogin.headers()["allow"]).toBe("POST");

    await expectError(
      await request.post("/api/session/notes", {
        data: "body=hello",
        headers: { "content-type": "text/plain" },
      }),
      415,
      "unsupported_media_type",
    );
    await expectError(
      await request.post("/api/session/notes", {
        data: Buffer.from('{"body": "unterminated'),
        headers: { "content-type": "application/json" },
      }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/session/notes", { data: { body: "x".repeat(17 * 1024) } }),
      413,
      "payload_too_large",
    );
    await expectError(
      await request.post("/api/session/notes", { data: { body: "" } }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/session/notes", { data: { body: "   \n  " } }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/session/notes", { data: { body: 42 } }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/session/notes", { data: { body: "x", userId: "someone" } }),
      400,
      "bad_request",
    );
    await expectError(await request.post("/api/session/notes", { data: [] }), 400, "bad_request");

    // None of that created anything.
    expect(await listNotes(request)).toEqual([]);
  });

  test("authenticated responses name the strategy and time the guard", async ({
    request,
    person,
  }) => {
    const anonymous = await request.get("/api/session/me");
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["x-auth-strategy"]).toBe("session");

    await signIn(request, person);
    for (const path of ["/api/session/me", "/api/session/notes"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers["x-auth-strategy"], path).toBe("session");
      const entries = (headers["server-timing"] ?? "").split(",").map((entry) => entry.trim());
      for (const entry of entries) expect(entry, path).toMatch(/^[a-z]+;dur=\d+(\.\d+)?$/);
      expect(
        entries.map((entry) => entry.split(";")[0]),
        path,
      ).toEqual(expect.arrayContaining(["unseal", "db"]));
    }
  });
});

test("unknown API paths answer with the JSON error shape", async ({ request }) => {
  const response = await request.get("/api/session/nope");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({
    error: { code: "not_found", message: "No such API endpoint." },
  });
});
