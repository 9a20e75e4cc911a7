import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";

type Playwright = PlaywrightWorkerArgs["playwright"];
import {
  ANOTHER_SITE,
  bearer,
  expect,
  expectError,
  issueTokens,
  newIdentity,
  newPerson,
  type Note,
  postBody,
  postFromAnotherSite,
  randomIp,
  registerPerson,
  serverTimingSteps,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGIES,
  type StrategyId,
  test,
} from "./fixtures";

// The notes API contract, one table for the three strategies: the code is one factory
// (lib/auth/http/notes-routes.ts) with a different guard in front, so the contract must hold the same
// way for each. Each row knows how its strategy authenticates an API client, and what its guard
// reports in Server-Timing.

type Client = {
  request: APIRequestContext;
  /** Headers that carry the credential (a Bearer token), if it isn't in the cookie jar. */
  auth: Record<string, string>;
  /** Whether the credential rides along by itself (a cookie), so the Origin check applies. */
  cookie: boolean;
  dispose(): Promise<void>;
};

type Row = {
  id: StrategyId;
  transport: string;
  guardSteps: string[];
  signIn(playwright: Playwright, baseURL: string): Promise<Client>;
};

async function newRequest(playwright: Playwright, baseURL: string) {
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
}

async function cookieClient(
  playwright: Playwright,
  baseURL: string,
  signIn: (request: APIRequestContext) => Promise<unknown>,
): Promise<Client> {
  const request = await newRequest(playwright, baseURL);
  await signIn(request);
  return { request, auth: {}, cookie: true, dispose: () => request.dispose() };
}

/** A client holding the cookie of a new person's sign-in with a password. */
const passwordCookieClient =
  (strategy: "session" | "jwt") => (playwright: Playwright, baseURL: string) =>
    cookieClient(playwright, baseURL, async (request) => {
      const person = newPerson();
      await registerPerson(request, person);
      await signInOverHttp(request, strategy, person);
    });

const ROWS: Row[] = [
  {
    id: "session",
    transport: "the session cookie",
    // The main server keeps its sessions in Redis.
    guardSteps: ["unseal", "redis"],
    signIn: passwordCookieClient("session"),
  },
  {
    id: "jwt",
    transport: "a Bearer token",
    guardSteps: ["verify", "db"],
    signIn: async (playwright, baseURL) => {
      const request = await newRequest(playwright, baseURL);
      const person = newPerson();
      await registerPerson(request, person);
      const { access_token } = await issueTokens(request, person);
      return {
        request,
        auth: bearer(access_token),
        cookie: false,
        dispose: () => request.dispose(),
      };
    },
  },
  {
    id: "jwt",
    transport: "the access-token cookie",
    guardSteps: ["verify", "db"],
    signIn: passwordCookieClient("jwt"),
  },
  {
    id: "oauth",
    transport: "the Auth.js cookie",
    guardSteps: ["db"],
    signIn: (playwright, baseURL) =>
      cookieClient(playwright, baseURL, (request) =>
        signInWithProviderOverHttp(request, "google", newIdentity()),
      ),
  },
];

for (const row of ROWS) {
  const api = STRATEGIES[row.id].api;
  const notes = `${api}/notes`;

  test.describe(`notes API via ${row.id}, with ${row.transport}`, () => {
    let client: Client;
    test.beforeEach(async ({ playwright, baseURL }) => {
      client = await row.signIn(playwright, baseURL ?? "");
    });
    test.afterEach(() => client.dispose());

    const list = async (): Promise<Note[]> => {
      const response = await client.request.get(notes, { headers: client.auth });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { notes: Note[] }).notes;
    };

    test("lists, creates and deletes notes; a second delete is 404", async () => {
      expect(await list()).toEqual([]);
      const created = await client.request.post(notes, {
        data: { body: "  a note through the API  " },
        headers: client.auth,
      });
      expect(created.status()).toBe(201);
      const { note } = (await created.json()) as { note: Note };
      expect(note).toEqual({
        id: expect.any(String),
        body: "a note through the API",
        createdVia: row.id,
        createdAt: expect.any(String),
      });
      expect(Date.parse(note.createdAt)).not.toBeNaN();
      expect(await list()).toEqual([note]);

      const deleted = await client.request.delete(`${notes}/${note.id}`, { headers: client.auth });
      expect(deleted.status()).toBe(204);
      expect(await deleted.text()).toBe("");
      await expectError(
        await client.request.delete(`${notes}/${note.id}`, { headers: client.auth }),
        404,
        "not_found",
      );
      expect(await list()).toEqual([]);
    });

    test("another person's note is a 404, as if it did not exist, and it stays", async ({
      playwright,
      baseURL,
    }) => {
      const owner = await row.signIn(playwright, baseURL ?? "");
      const made = await owner.request.post(notes, {
        data: { body: "not yours" },
        headers: owner.auth,
      });
      expect(made.status()).toBe(201);
      const { note } = (await made.json()) as { note: Note };

      await expectError(
        await client.request.delete(`${notes}/${note.id}`, { headers: client.auth }),
        404,
        "not_found",
      );
      expect(await list()).toEqual([]);
      const theirs = await owner.request.get(notes, { headers: owner.auth });
      expect(await theirs.json()).toEqual({ notes: [note] });
      await owner.dispose();
    });

    test("every bad request has the standard JSON shape, none is a 500, and none creates anything", async () => {
      const auth = client.auth;
      const put = await client.request.put(notes, { data: { body: "x" }, headers: auth });
      await expectError(put, 405, "method_not_allowed");
      expect(put.headers()["allow"]).toBe("GET, POST");
      const getItem = await client.request.get(`${notes}/anything`, { headers: auth });
      await expectError(getItem, 405, "method_not_allowed");
      expect(getItem.headers()["allow"]).toBe("DELETE");
      const postMe = await client.request.post(`${api}/me`, { headers: auth });
      await expectError(postMe, 405, "method_not_allowed");
      expect(postMe.headers()["allow"]).toBe("GET");

      await expectError(
        await postBody(client.request, notes, "body=hello", "text/plain", auth),
        415,
        "unsupported_media_type",
      );
      await expectError(
        await postBody(client.request, notes, '{"body": "unterminated', "application/json", auth),
        400,
        "bad_request",
        "The body is not valid JSON.",
      );
      await expectError(
        await client.request.post(notes, { data: { body: "x".repeat(17 * 1024) }, headers: auth }),
        413,
        "payload_too_large",
      );
      const invalid: [string, unknown][] = [
        ["an empty body", { body: "" }],
        ["only whitespace", { body: "   \n  " }],
        ["a number", { body: 42 }],
        ["an extra field", { body: "x", userId: "someone" }],
        ["an array", []],
        ["over 1000 characters", { body: "x".repeat(1001) }],
      ];
      for (const [what, data] of invalid) {
        const response = await client.request.post(notes, { data, headers: auth });
        expect(response.status(), what).toBe(400);
        await expectError(response, 400, "bad_request");
      }
      expect(await list()).toEqual([]);
    });

    test("without credentials: 401 in the standard shape, naming the strategy", async ({
      playwright,
      baseURL,
    }) => {
      const stranger = await newRequest(playwright, baseURL ?? "");
      for (const path of [`${api}/me`, notes]) {
        const response = await stranger.get(path);
        await expectError(response, 401, "unauthorized");
        expect(response.headers()["x-auth-strategy"], path).toBe(row.id);
      }
      await expectError(
        await stranger.post(notes, { data: { body: "anonymous" } }),
        401,
        "unauthorized",
      );
      await stranger.dispose();
    });

    test("a request from another site is refused when a cookie carries the credential", async ({
      baseURL,
    }) => {
      const crossSite = await postFromAnotherSite(client.request, notes, {
        data: { body: "planted" },
        headers: client.auth,
      });
      if (!client.cookie) {
        // A Bearer header can't be sent by another site's page without a CORS preflight.
        expect(crossSite.status()).toBe(201);
        const { note } = (await crossSite.json()) as { note: Note };
        expect(await list()).toEqual([note]);
        return;
      }
      await expectError(crossSite, 403, "forbidden");
      // No Origin, but the browser says the request comes from another site.
      await expectError(
        await client.request.post(notes, {
          data: { body: "planted" },
          headers: { ...client.auth, "sec-fetch-site": "cross-site" },
        }),
        403,
        "forbidden",
      );
      expect(await list()).toEqual([]);

      const home = await client.request.post(notes, {
        data: { body: "made at home" },
        headers: { ...client.auth, origin: baseURL ?? "" },
      });
      expect(home.status()).toBe(201);
      const { note } = (await home.json()) as { note: Note };
      await expectError(
        await client.request.delete(`${notes}/${note.id}`, {
          headers: { ...client.auth, ...ANOTHER_SITE },
        }),
        403,
        "forbidden",
      );
      expect(await list()).toEqual([note]);
    });

    test(`responses name the strategy and time its guard (${row.guardSteps.join(", ")})`, async () => {
      for (const path of [`${api}/me`, notes]) {
        const response = await client.request.get(path, { headers: client.auth });
        expect(response.status(), path).toBe(200);
        expect(response.headers()["x-auth-strategy"], path).toBe(row.id);
        expect(serverTimingSteps(response), path).toEqual(expect.arrayContaining(row.guardSteps));
      }
    });
  });
}
