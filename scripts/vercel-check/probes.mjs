// What the built functions must answer, as a visitor and Vercel's cron would ask. Each check
// throws a sentence saying what came back instead; a failed check ends its scenario only.
import { randomBytes } from "node:crypto";
import { cookiesFrom, jsonOf, send } from "./http.mjs";

function expect(condition, what, response) {
  if (condition) return;
  const body = response
    ? ` → ${response.status} ${response.text.slice(0, 300).replace(/\s+/g, " ")}`
    : "";
  throw new Error(`${what}${body}`);
}

const isHtml = (response) => String(response.headers["content-type"]).startsWith("text/html");

/** The request headers the proxy asked Vercel to pass on to the page (NextResponse.next). */
function forwardedByProxy(answer) {
  const names = String(answer.headers["x-middleware-override-headers"] ?? "").split(",");
  return Object.fromEntries(
    names
      .filter(Boolean)
      .map((name) => [name, answer.headers[`x-middleware-request-${name}`]])
      .filter(([, value]) => value !== undefined),
  );
}

/** A person made for this run only: a random address and a password no list contains. */
function newPerson() {
  const tag = randomBytes(6).toString("hex");
  return {
    name: "Vercel Check",
    email: `vercel-check-${tag}@example.com`,
    password: `${randomBytes(18).toString("base64url")}-Aa1`,
  };
}

/** The API function: health, registration, a session sign-in, a JWT sign-in, the cron. */
export async function checkApi(api, { host, appUrl, cronSecret }, step) {
  const call = (pathname, options = {}) => send(api.origin, pathname, { host, ...options });
  const origin = { origin: appUrl };

  await step("GET /api/health answers 200 with the database reachable", async () => {
    const response = await call("/api/health");
    expect(
      response.status === 200 && jsonOf(response)?.database === "reachable",
      "health",
      response,
    );
  });

  const person = newPerson();
  await step("POST /api/register creates a person", async () => {
    const response = await call("/api/register", { method: "POST", headers: origin, body: person });
    expect(response.status === 201 && jsonOf(response)?.user?.id, "registration", response);
  });
  const credentials = { email: person.email, password: person.password };
  /** A sign-in POST from this app's own pages (or, with `from`, another site's). */
  const signIn = (path, from = origin) =>
    call(path, { method: "POST", headers: from, body: credentials });

  await step("POST /api/session/login signs in; the cookie opens /api/session/me", async () => {
    const login = await signIn("/api/session/login");
    expect(login.status === 200 && cookiesFrom(login), "session sign-in", login);
    const me = await call("/api/session/me", { headers: { cookie: cookiesFrom(login) } });
    expect(me.status === 200 && jsonOf(me)?.user?.email === person.email, "session /me", me);
  });

  await step("POST /api/session/login from another site is refused (403)", async () => {
    const response = await signIn("/api/session/login", { origin: "https://attacker.example" });
    expect(response.status === 403, "cross-site sign-in", response);
  });

  await step("POST /api/jwt/token issues a pair; the access token opens /api/jwt/me", async () => {
    const token = await signIn("/api/jwt/token");
    const accessToken = jsonOf(token)?.access_token;
    expect(
      token.status === 200 && accessToken && jsonOf(token)?.refresh_token,
      "token endpoint",
      token,
    );
    const me = await call("/api/jwt/me", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status === 200 && jsonOf(me)?.user?.email === person.email, "JWT /me", me);
  });

  await step("POST /api/jwt/login sets the token cookies", async () => {
    const login = await signIn("/api/jwt/login");
    expect(login.status === 200 && cookiesFrom(login), "JWT browser sign-in", login);
  });

  await step(
    "GET /api/cron/purge runs with CRON_SECRET (200) and refuses without (401)",
    async () => {
      const refused = await call("/api/cron/purge");
      expect(refused.status === 401, "cron without the secret", refused);
      const purged = await call("/api/cron/purge", {
        headers: { authorization: `Bearer ${cronSecret}` },
      });
      expect(purged.status === 200 && jsonOf(purged)?.purged !== undefined, "cron", purged);
    },
  );
}

/** The proxy and the pages function, chained as Vercel chains them. */
export async function checkPages(proxy, pages, { host }, step) {
  await step("the proxy redirects a protected page with no cookie to its sign-in", async () => {
    const response = await send(proxy.origin, "/session", { host });
    const location = String(response.headers.location ?? "");
    expect(
      [307, 308].includes(response.status) && location.includes("/session/login"),
      "proxy redirect",
      response,
    );
  });

  for (const pathname of ["/", "/lab"]) {
    await step(`GET ${pathname} through the proxy answers a 200 HTML page`, async () => {
      const page = await throughProxy(proxy, pages, pathname, host);
      expect(
        page.status === 200 && isHtml(page) && page.text.includes("Auth Lab"),
        `page ${pathname}`,
        page,
      );
    });
  }
}

/** Asks the proxy, then the page with what the proxy passed on, as Vercel chains them. */
async function throughProxy(proxy, pages, pathname, host) {
  const answer = await send(proxy.origin, pathname, { host });
  expect(answer.headers["x-middleware-next"] === "1", `proxy on ${pathname}`, answer);
  return send(pages.origin, pathname, { host, headers: forwardedByProxy(answer) });
}

/**
 * The home page's one-click demo (DEMO_SIGN_IN=on): the form posted as a browser without
 * JavaScript posts it (the server action's id from the build), then both credentials it set.
 */
export async function checkDemo({ api, pages }, { host, appUrl, demoActionId }, step) {
  await step("the demo signs a new person in with a session and a JWT pair", async () => {
    const response = await send(pages.origin, "/tour", {
      method: "POST",
      host,
      headers: { origin: appUrl },
      form: { [`$ACTION_ID_${demoActionId}`]: "", next: "/lab" },
    });
    const cookie = cookiesFrom(response);
    expect(response.status === 303 && cookie, "demo sign-in", response);
    const session = await send(api.origin, "/api/session/me", { host, headers: { cookie } });
    expect(session.status === 200 && jsonOf(session)?.user?.id, "demo session /me", session);
    const jwt = await send(api.origin, "/api/jwt/me", { host, headers: { cookie } });
    expect(jwt.status === 200 && jsonOf(jwt)?.user?.id, "demo JWT /me", jwt);
  });
}

/** The provider sign-in page: both providers offered, or "not configured" and how. */
export async function checkProviders({ proxy, pages }, { host, configured }, step) {
  const what = configured
    ? "with provider credentials, /oauth/login offers Google and GitHub"
    : "without provider credentials, /oauth/login says sign-in is not configured";
  await step(what, async () => {
    const page = await throughProxy(proxy, pages, "/oauth/login", host);
    // React separates adjacent text with <!-- --> in server-rendered HTML.
    const text = page.text.replaceAll("<!-- -->", "");
    const offered = ["Continue with Google", "Continue with GitHub"].every((words) =>
      text.includes(words),
    );
    const notConfigured = text.includes("not configured on this deployment");
    expect(
      page.status === 200 && (configured ? offered && !notConfigured : notConfigured && !offered),
      "provider sign-in page",
      page,
    );
  });
}

/** A deployment missing `variable`: 503s naming it, from the API and the proxy, and no crash. */
export async function checkRefusal({ api, proxy }, { host, appUrl, variable }, step) {
  await step(`without ${variable}, /api/health answers 503 JSON naming it`, async () => {
    const response = await send(api.origin, "/api/health", { host });
    const message = jsonOf(response)?.error?.message ?? "";
    expect(response.status === 503 && message.includes(variable), "refused health", response);
  });
  await step(`without ${variable}, a sign-in answers 503 JSON naming it`, async () => {
    const response = await send(api.origin, "/api/session/login", {
      method: "POST",
      host,
      headers: { origin: appUrl },
      body: { email: "nobody@example.com", password: "irrelevant-here" },
    });
    const message = jsonOf(response)?.error?.message ?? "";
    expect(response.status === 503 && message.includes(variable), "refused sign-in", response);
  });
  await step(`without ${variable}, the proxy answers a 503 page naming it`, async () => {
    const response = await send(proxy.origin, "/", { host });
    expect(
      response.status === 503 && isHtml(response) && response.text.includes(variable),
      "refused page",
      response,
    );
  });
}
