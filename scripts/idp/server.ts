// Auth Lab's local identity provider: plays Google and GitHub on 127.0.0.1 so the OAuth strategy
// works with no internet and no registered apps. Started by `npm run dev` and by the e2e setup.
//   IDP_PORT (9400), IDP_APP_ORIGINS (http://localhost:3000): the app origins allowed to redirect back.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { generateKeyPairSync, sign } from "node:crypto";
import { findIdentity, identityFor } from "./accounts";
import { githubApi } from "./github-api";
import { consentPage, errorPage, loginPage } from "./pages";
import { createProviders, type ProviderName } from "./providers";

const port = Number(process.env.IDP_PORT ?? 9400);
const base = `http://127.0.0.1:${port}`;
const appOrigins = (process.env.IDP_APP_ORIGINS ?? "http://localhost:3000")
  .split(",")
  .map((o) => o.trim());
const providers = createProviders(base, appOrigins);
const LABEL: Record<ProviderName, string> = { google: "Google", github: "GitHub" };

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // Forms end in a redirect back to the app, and browsers apply form-action to that redirect.
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${appOrigins.join(" ")}; frame-ancestors 'none'`,
  });
  res.end(body);
}

// The test switch on the sign-in page: an identity that asked for it gets its ID token back with
// a signature made by a key this provider never published. A relying party that checks
// signatures refuses it; one that trusts the token endpoint's TLS alone would not notice.
const strangerKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

function spoilIdTokensOnRequest(res: ServerResponse) {
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    try {
      const body = JSON.parse(String(chunk ?? "")) as { id_token?: string };
      const [header, payload] = body.id_token?.split(".") ?? [];
      const claims = payload
        ? (JSON.parse(Buffer.from(payload, "base64url").toString()) as { sub?: string })
        : {};
      if (header && payload && claims.sub && findIdentity(claims.sub)?.badIdTokenSignature) {
        const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), strangerKey);
        body.id_token = `${header}.${payload}.${signature.toString("base64url")}`;
        const spoiled = JSON.stringify(body);
        if (!res.headersSent) res.setHeader("content-length", Buffer.byteLength(spoiled));
        return end(spoiled);
      }
    } catch {
      // Not a token response (an error page): leave it alone.
    }
    return end(chunk);
  }) as typeof res.end;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

/** Hands a request to a provider mounted under `mount`, as oidc-provider expects when mounted. */
function forward(provider: Provider, mount: string, req: IncomingMessage, res: ServerResponse) {
  Object.assign(req, { originalUrl: req.url, url: req.url!.slice(mount.length) || "/" });
  return provider.callback()(req, res);
}

async function interaction(
  name: ProviderName,
  uid: string,
  step: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const provider = providers[name];
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid)
    return html(res, 400, errorPage(LABEL[name], "This sign-in link does not match your session."));
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? "the app";
  const path = `/${name}/interaction/${uid}`;

  if (step === undefined && req.method === "GET") {
    if (details.prompt.name === "login")
      return html(
        res,
        200,
        loginPage(LABEL[name], `${path}/login`, clientName, { idToken: name === "google" }),
      );
    const who = findIdentity(details.session?.accountId ?? "") ?? null;
    const scopes = String(details.params.scope ?? "")
      .split(" ")
      .filter(Boolean);
    return html(
      res,
      200,
      consentPage(
        LABEL[name],
        { allow: `${path}/confirm`, deny: `${path}/abort` },
        clientName,
        who,
        scopes,
      ),
    );
  }
  if (req.method !== "POST") return html(res, 405, errorPage(LABEL[name], "Method not allowed."));

  if (step === "login") {
    const form = await readForm(req);
    const email = form.get("email") ?? "";
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      return html(res, 400, errorPage(LABEL[name], "Enter a valid email address."));
    const identity = identityFor(form.get("name") ?? "", email, {
      // GitHub has no ID token to sign wrongly: the switch is Google's alone.
      badIdTokenSignature: name === "google" && form.get("bad_id_token") === "on",
    });
    const accountId = name === "github" ? String(identity.githubId) : identity.sub;
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }
  if (step === "confirm") {
    const accountId = details.session?.accountId;
    if (!accountId) return html(res, 400, errorPage(LABEL[name], "Sign in first."));
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const missing = details.prompt.details;
    if (Array.isArray(missing.missingOIDCScope))
      grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (Array.isArray(missing.missingOIDCClaims))
      grant.addOIDCClaims(missing.missingOIDCClaims as string[]);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  if (step === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The person denied access." },
      { mergeWithLastSubmission: false },
    );
  }
  return html(res, 404, errorPage(LABEL[name], "Not found."));
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", base);
  try {
    if (url.pathname === "/health")
      return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    const step = /^\/(google|github)\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(
      url.pathname,
    );
    if (step) return await interaction(step[1] as ProviderName, step[2]!, step[3], req, res);
    if (url.pathname.startsWith("/github/api/v3/")) {
      return await githubApi(
        providers.github,
        url.pathname.slice("/github/api/v3".length),
        req,
        res,
      );
    }
    if (url.pathname.startsWith("/github/login/oauth"))
      return await forward(providers.github, "/github/login/oauth", req, res);
    if (url.pathname === "/google/token") spoilIdTokensOnRequest(res);
    if (url.pathname.startsWith("/google"))
      return await forward(providers.google, "/google", req, res);
    html(res, 404, errorPage("identity provider", "Not found."));
  } catch (error) {
    const message = error instanceof Error ? error.message : "unexpected error";
    if (!res.headersSent) html(res, 400, errorPage("identity provider", message));
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(
    `local identity provider on ${base} (Google: ${base}/google, GitHub: ${base}/github) for ${appOrigins.join(", ")}`,
  );
});
// Stopping must not wait for a browser's idle keep-alive connection to the provider (Ctrl-C on
// `npm run dev` used to hang there): close every connection, idle or not, and go.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
