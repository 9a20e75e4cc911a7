import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OverBudgetError } from "@/lib/auth/rate-limit";
import { getEnv } from "@/lib/env";
import { instanceId } from "@/lib/instance";
import { TooManyRunningError } from "@/lib/lab/experiments/in-flight";
import { StoreUnavailableError, unavailableMessage } from "@/lib/store/errors";
import { json } from "./json";
import { type Authenticator, type GuardedUser, METHODS, type OpenHandler, route } from "./route";

// route(): the one wrapper every route handler goes through. Then which routes declare which
// Origin rule, read from the route files themselves (importing them needs a Next.js request).

const ATTACKER = "https://attacker.example";
const appOrigin = () => new URL(getEnv().APP_URL).origin;
const request = (method: string, headers: Record<string, string> = {}) =>
  new Request(`${appOrigin()}/api/under-test`, { method, headers });
const ok: OpenHandler = async () => json({ ok: true });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

afterEach(() => vi.restoreAllMocks());

describe("route(): methods", () => {
  it("answers 405 with Allow, in the standard shape, for every method it doesn't declare", async () => {
    const handlers = route({ origin: "none", methods: { GET: ok, POST: ok } });
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const response = await handlers[method](request(method), undefined);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await errorOf(response)).toEqual({
        code: "method_not_allowed",
        message: "Use GET or POST.",
      });
    }
    expect((await handlers.GET(request("GET"), undefined)).status).toBe(200);
  });

  it("says the one method there is, and adds no strategy headers to a 405", async () => {
    const { GET } = route({ strategy: "session", origin: "strict", methods: { DELETE: ok } });
    const response = await GET(request("GET"), undefined);
    expect(response.headers.get("allow")).toBe("DELETE");
    expect((await errorOf(response)).message).toBe("Use DELETE.");
    expect(response.headers.get("x-auth-strategy")).toBeNull();
    expect(response.headers.get("x-instance")).toBeNull();
  });

  it("passes Next.js's context through to the handler", async () => {
    const { DELETE } = route({
      origin: "none",
      methods: {
        DELETE: async (_request, _route, { params }: { params: Promise<{ id: string }> }) =>
          json({ id: (await params).id }),
      },
    });
    const response = await DELETE(request("DELETE"), { params: Promise.resolve({ id: "n1" }) });
    expect(await response.json()).toEqual({ id: "n1" });
  });
});

describe("route(): the Origin rule", () => {
  const forbidden = { code: "forbidden", message: "Cross-site requests are not allowed here." };

  it('"strict" refuses a cross-site unsafe request, whatever it carries', async () => {
    const handler = vi.fn(ok);
    const { POST, DELETE, GET } = route({
      origin: "strict",
      methods: { GET: handler, POST: handler, DELETE: handler },
    });
    const crossSite: Record<string, string>[] = [
      { origin: ATTACKER },
      { origin: ATTACKER, authorization: "Bearer abc" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of crossSite) {
      const response = await POST(request("POST", headers), undefined);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toEqual(forbidden);
    }
    expect((await DELETE(request("DELETE", { origin: ATTACKER }), undefined)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();

    // Same origin, no browser at all, or a safe method: through.
    expect((await POST(request("POST", { origin: appOrigin() }), undefined)).status).toBe(200);
    expect(
      (await POST(request("POST", { "sec-fetch-site": "same-origin" }), undefined)).status,
    ).toBe(200);
    expect((await POST(request("POST"), undefined)).status).toBe(200);
    expect((await GET(request("GET", { origin: ATTACKER }), undefined)).status).toBe(200);
  });

  it("words the 403 the route's own way where it says so", async () => {
    const { POST } = route({
      origin: "strict",
      crossSite: "Cross-site sign-in is not allowed.",
      methods: { POST: ok },
    });
    const response = await POST(request("POST", { origin: ATTACKER }), undefined);
    expect(await errorOf(response)).toEqual({
      code: "forbidden",
      message: "Cross-site sign-in is not allowed.",
    });
  });

  it('"bearer-ok" lets a cross-site request with a Bearer header through, not one without', async () => {
    const { POST } = route({ strategy: "jwt", origin: "bearer-ok", methods: { POST: ok } });
    const bearer = await POST(
      request("POST", { origin: ATTACKER, authorization: "Bearer abc.def.ghi" }),
      undefined,
    );
    expect(bearer.status).toBe(200);
    const noBearer: Record<string, string>[] = [
      { origin: ATTACKER },
      { origin: ATTACKER, authorization: "Basic dXNlcjpwYXNz" },
      { origin: ATTACKER, authorization: "Bearer " },
    ];
    for (const headers of noBearer) {
      const response = await POST(request("POST", headers), undefined);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toEqual(forbidden);
      expect(response.headers.get("x-auth-strategy")).toBe("jwt");
    }
  });

  it('"bearer-ok" also lets through what the route names as the request\'s own credential', async () => {
    const { POST } = route({
      origin: "bearer-ok",
      ownCredential: (request) => request.headers.has("content-type"),
      methods: { POST: ok },
    });
    const withBody = request("POST", { origin: ATTACKER, "content-type": "application/json" });
    expect((await POST(withBody, undefined)).status).toBe(200);
    expect((await POST(request("POST", { origin: ATTACKER }), undefined)).status).toBe(403);
  });

  it('"none" checks nothing', async () => {
    const { POST, DELETE } = route({ origin: "none", methods: { POST: ok, DELETE: ok } });
    expect((await POST(request("POST", { origin: ATTACKER }), undefined)).status).toBe(200);
    expect((await DELETE(request("DELETE", { origin: ATTACKER }), undefined)).status).toBe(200);
  });
});

describe("route(): guarded routes", () => {
  const endsAt = new Date("2030-01-01T00:00:00Z");
  const person: Authenticator<GuardedUser & { email: string }> = async () => ({
    id: "u1",
    email: "a@example.com",
    provenance: { method: "password" },
    endsAt,
  });

  it("checks the Origin before asking the guard", async () => {
    const auth = vi.fn(person);
    const { POST } = route({ strategy: "session", origin: "strict", auth, methods: { POST: ok } });
    expect((await POST(request("POST", { origin: ATTACKER }), undefined)).status).toBe(403);
    expect(auth).not.toHaveBeenCalled();
  });

  it("answers 401 when the guard finds nobody, and the guard's own failure as it says", async () => {
    const nobody = route({
      strategy: "oauth",
      origin: "strict",
      auth: async () => null,
      methods: { GET: ok },
    });
    const signedOut = await nobody.GET(request("GET"), undefined);
    expect(signedOut.status).toBe(401);
    expect(await errorOf(signedOut)).toEqual({
      code: "unauthorized",
      message: "Sign in with the oauth strategy first.",
    });
    expect(signedOut.headers.get("x-auth-strategy")).toBe("oauth");

    const refused = route({
      strategy: "jwt",
      origin: "bearer-ok",
      auth: async () => ({
        status: 401,
        code: "token_expired",
        message: "The access token has expired: refresh it.",
        headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
      }),
      methods: { GET: ok },
    });
    const expired = await refused.GET(request("GET"), undefined);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(await errorOf(expired)).toEqual({
      code: "token_expired",
      message: "The access token has expired: refresh it.",
    });
  });

  it("hands the person, their proof and their credential's end to the handler", async () => {
    const { GET } = route({
      strategy: "session",
      origin: "strict",
      auth: person,
      methods: {
        GET: async (_request, { user, provenance, endsAt, timing }) =>
          json({ user, provenance, endsAt, timed: timing.steps.length }),
      },
    });
    const response = await GET(request("GET"), undefined);
    expect(await response.json()).toEqual({
      user: { id: "u1", email: "a@example.com" },
      provenance: { method: "password" },
      endsAt: endsAt.toISOString(),
      timed: 0,
    });
  });
});

describe("route(): errors, answered once", () => {
  const throwing = (error: unknown, declared: { strategy?: string; busy?: string } = {}) =>
    route({
      origin: "none",
      ...declared,
      methods: {
        POST: async () => {
          throw error;
        },
      },
    }).POST(request("POST"), undefined);

  it("answers a busy refusal 503 in the route's words, with Retry-After", async () => {
    const response = await throwing(new TooManyRunningError(), {
      busy: "Several experiments are running already.",
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await errorOf(response)).toEqual({
      code: "unavailable",
      message: "Several experiments are running already. Try again in a moment.",
    });
    const unworded = await throwing(new TooManyRunningError());
    expect((await errorOf(unworded)).message).toBe(
      "Too many experiments are running right now. Try again in a moment.",
    );
  });

  it("answers a spent budget 429, with what was refused and when to come back", async () => {
    const response = await throwing(new OverBudgetError("experiments", 120));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(await errorOf(response)).toEqual({
      code: "too_many_requests",
      message: "Too many experiments from here. Try again in 2 minutes.",
    });
  });

  it("answers a store that can't be reached 503, saying which", async () => {
    const response = await throwing(new StoreUnavailableError("database"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await errorOf(response)).toEqual({
      code: "unavailable",
      message: unavailableMessage("database"),
    });
  });

  it("logs anything else (its message only) and answers a 500 without a stack trace", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await throwing(new Error("secret detail"), { strategy: "session" });
    expect(response.status).toBe(500);
    expect(await errorOf(response)).toEqual({
      code: "internal",
      message: "Something went wrong on our side. Nothing was changed.",
    });
    expect(logged).toHaveBeenCalledWith("route handler failed:", "secret detail");
    // Still says which strategy and instance answered.
    expect(response.headers.get("x-auth-strategy")).toBe("session");
    expect(response.headers.get("x-instance")).toBe(instanceId());
  });
});

describe("route(): headers", () => {
  it("says which strategy and instance answered, and what was measured", async () => {
    const { GET } = route({
      strategy: "jwt",
      origin: "none",
      methods: {
        GET: async (_request, { timing }) => {
          await timing.measure("verify", async () => undefined);
          return json({ ok: true });
        },
      },
    });
    const response = await GET(request("GET"), undefined);
    expect(response.headers.get("x-auth-strategy")).toBe("jwt");
    expect(response.headers.get("x-instance")).toBe(instanceId());
    expect(response.headers.get("server-timing")).toMatch(/^verify;dur=\d+\.\d{3}$/);
  });

  it("sends no Server-Timing when nothing was measured, and no strategy headers without one", async () => {
    const strategy = await route({ strategy: "session", origin: "none", methods: { GET: ok } }).GET(
      request("GET"),
      undefined,
    );
    expect(strategy.headers.get("server-timing")).toBeNull();
    const open = await route({ origin: "none", methods: { GET: ok } }).GET(
      request("GET"),
      undefined,
    );
    expect(open.headers.get("x-auth-strategy")).toBeNull();
    expect(open.headers.get("x-instance")).toBeNull();
  });
});

// Every route file declares its Origin rule where route() (or a factory around it) is called:
// `origin: "strict" | "bearer-ok" | "none"`. Importing the route modules would need Next.js's
// request scope (next/headers) and the whole app, so the declarations are read from the source.

const APP = fileURLToPath(new URL("../../app", import.meta.url));

/** Route files that don't go through route(), and why. */
const OUTSIDE_ROUTE = {
  // Auth.js answers every method itself, with its own errors and CSRF check.
  "api/auth/[...nextauth]": "Auth.js",
  // The lab's attacker page: HTML served to another site, GET only.
  attacker: "HTML page",
  // Liveness for deploys and the cluster: GET only, its own 503, no JSON 405s.
  "api/health": "liveness",
} as const;

/** Routes where a Bearer header (or the request's own credential) exempts from the Origin check. */
const BEARER_OK = ["api/jwt/logout", "api/jwt/notes", "api/jwt/notes/[id]", "api/jwt/refresh"];

/** Routes with no Origin check: read-only, or answering the same to anyone. */
const NO_CHECK = [
  "api/[...path]",
  "api/baseline",
  "api/cron/purge",
  "api/downstream/profile",
  "api/jwt/jwks",
  "api/jwt/me",
  "api/lab/events",
  "api/lab/spa-demo/profile",
];

function routeFiles(): { route: string; source: string }[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => ({
      route: path.dirname(file).split(path.sep).join("/"),
      source: readFileSync(path.join(APP, file), "utf8"),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

const declaredRules = (source: string) =>
  [...source.matchAll(/\borigin:\s*"([\w-]+)"/g)].map((match) => match[1]);

describe("the routes' Origin rules", () => {
  const files = routeFiles();

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(25);
    for (const exempt of Object.keys(OUTSIDE_ROUTE))
      expect(files.map((f) => f.route)).toContain(exempt);
  });

  it("has every route declare exactly one rule (routes outside route() declare none)", () => {
    for (const { route: name, source } of files) {
      const rules = new Set(declaredRules(source));
      if (name in OUTSIDE_ROUTE) {
        expect(rules.size, `${name} is listed as outside route()`).toBe(0);
        continue;
      }
      expect(rules.size, `${name} must declare one origin rule`).toBe(1);
      expect(["strict", "bearer-ok", "none"]).toContain([...rules][0]);
    }
  });

  it("lets a Bearer header through only on the JWT routes that authenticate by it", () => {
    const rule = (wanted: string) =>
      files.filter(({ source }) => declaredRules(source)[0] === wanted).map((f) => f.route);
    expect(rule("bearer-ok")).toEqual(BEARER_OK);
    expect(rule("none")).toEqual(NO_CHECK);
  });

  it("leaves no route file its own 405 tail, cross-site 403 or try/catch", () => {
    for (const { route: name, source } of files) {
      if (name in OUTSIDE_ROUTE) continue;
      expect(source, name).not.toMatch(/methodNotAllowed|isCrossSiteForgery|checkOrigin/);
      expect(source, name).not.toMatch(/\btry\s*\{|internalError|"forbidden"/);
    }
  });
});
