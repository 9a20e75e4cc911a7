import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { z } from "zod";
import { LOCAL_IDP_DEFAULT_URL } from "./auth/oauth/local-idp";

// The rules of the environment: what each variable must be, and what production refuses to fall
// back to, each problem a sentence naming its variable. Pure (no server-only import), so the
// proxy can refuse a misconfigured deployment with a 503 page (lib/refusal.ts) and next.config.mjs
// can fail a Vercel build on it. The server reads its settings through lib/env.ts's getEnv().

const MIN_SECRET_LENGTH = 32;

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The placeholders .env.example shows, and values that are plainly not random. */
function looksLikePlaceholder(value: string): boolean {
  return (
    /replace[-_ ]?with|change[-_ ]?me|your[-_ ]secret|example|placeholder|…/i.test(value) ||
    new Set(value).size < 10
  );
}

const secretText = (name: string) =>
  z
    .string({ error: `${name} is missing.` })
    .min(
      MIN_SECRET_LENGTH,
      `${name} is too short: use at least ${MIN_SECRET_LENGTH} random characters.`,
    )
    .refine(
      (value) => !looksLikePlaceholder(value),
      `${name} is a placeholder: generate a random value (node scripts/dev-secrets.mjs prints a set).`,
    );

const jsonText = <T extends z.ZodType>(name: string, schema: T) =>
  z.string({ error: `${name} is missing.` }).transform((text, ctx): z.output<T> => {
    try {
      return schema.parse(JSON.parse(text));
    } catch (error) {
      const detail =
        error instanceof z.ZodError ? error.issues[0]?.message : "it is not valid JSON";
      ctx.addIssue({ code: "custom", message: `${name} is invalid: ${detail}.` });
      return z.NEVER;
    }
  });

/** iron-session passwords by number: the highest seals, all of them unseal (rotation). */
const sessionPasswords = z
  .record(
    z.string().regex(/^\d+$/, "keys are numbers"),
    z
      .string()
      .min(MIN_SECRET_LENGTH, `each password needs ${MIN_SECRET_LENGTH}+ characters`)
      .refine(
        (value) => !looksLikePlaceholder(value),
        "a password is a placeholder, not a random value",
      ),
  )
  .refine((map) => Object.keys(map).length > 0, "at least one password is needed");

/**
 * Does the private scalar d belong to the public point (x, y)? Node imports the three as given
 * without checking, so a signature made with d is checked against (x, y): once per process.
 */
function isKeyPair(jwk: { kty: string; crv: string; x: string; y: string; d: string }): boolean {
  try {
    const privateKey = createPrivateKey({ key: jwk, format: "jwk" });
    const publicKey = createPublicKey({
      key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
      format: "jwk",
    });
    const message = Buffer.from("auth-lab key check");
    return verify("sha256", message, publicKey, sign("sha256", message, privateKey));
  } catch {
    return false;
  }
}

/** Private ES256 signing keys, newest first. */
const privateJwk = z
  .object({
    kty: z.literal("EC"),
    crv: z.literal("P-256"),
    x: z.string().regex(/^[\w-]{43}$/, "x must be a base64url P-256 coordinate"),
    y: z.string().regex(/^[\w-]{43}$/, "y must be a base64url P-256 coordinate"),
    d: z.string().regex(/^[\w-]{43}$/, "a private key (d) is needed, base64url"),
    kid: z.string().regex(/^[\w-]{1,64}$/, "kid must be 1-64 letters, digits, - or _"),
  })
  .refine(isKeyPair, "d is not the private key of x and y (or the key can't be imported)");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL." })
    .default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "DATABASE_URL must be a file: or libsql:// URL.")
    .default("file:./.data/auth-lab.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /**
   * A Redis (redis:// locally, rediss:// for a hosted one such as Upstash): sessions, throttling
   * counters and the JWT denylist live there, shared by every instance. Unset: the database.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL." })
    .optional(),
  /**
   * Where server sessions live: "redis" (default when REDIS_URL is set), "database" (default
   * otherwise), or "memory", a teaching mode for the lab's Scaling experiment: each process keeps
   * its own, so it is neither shared nor kept across a restart. Refused in production.
   */
  SESSION_STORE: z.enum(["database", "redis", "memory"]).optional(),
  /** Names this process in an X-Instance header, so the lab can show which instance answered. */
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]{1,40}$/, "INSTANCE_ID must be a short name.")
    .optional(),
  /**
   * Set by `npm run cluster` on each of its instances (and only on this machine's loopback): the
   * supervisor's control address and token, and every instance's own address, for the lab's
   * Scaling experiment. A real deployment never sets them, and production refuses them off loopback.
   */
  CLUSTER_CONTROL_URL: z.url({ protocol: /^http$/ }).optional(),
  CLUSTER_CONTROL_TOKEN: z.string().min(16).optional(),
  CLUSTER_INSTANCES: z
    .string()
    .regex(/^(\w+=http:\/\/[^,]+)(,\w+=http:\/\/[^,]+)*$/, "CLUSTER_INSTANCES is id=url,id=url")
    .optional(),
  SESSION_PASSWORDS: jsonText("SESSION_PASSWORDS", sessionPasswords),
  SESSION_IDLE_TIMEOUT_SECONDS: seconds(30 * 60),
  SESSION_ABSOLUTE_LIFETIME_SECONDS: seconds(7 * 24 * 60 * 60),
  JWT_PRIVATE_KEYS: jsonText(
    "JWT_PRIVATE_KEYS",
    z.array(privateJwk).min(1, "at least one key is needed"),
  ),
  JWT_ACCESS_TTL_SECONDS: seconds(15 * 60),
  JWT_REFRESH_TTL_SECONDS: seconds(7 * 24 * 60 * 60),
  /** A refresh family not used (rotated) for this long is dead, whatever its absolute lifetime. */
  JWT_REFRESH_IDLE_SECONDS: seconds(24 * 60 * 60),
  /** How long a just-rotated refresh token may come back from a racing request (two tabs). */
  JWT_REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /** How long after exp (and before iat) a token is still accepted: clock skew between servers. */
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** The app's own endpoints: "checked" (signature + one revocation lookup) or "stateless". */
  JWT_VERIFIER: z.enum(["checked", "stateless"]).default("checked"),
  AUTH_SECRET: secretText("AUTH_SECRET"),
  /** Real providers when both id and secret are set; the local identity provider otherwise. */
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  OAUTH_LOCAL_IDP_URL: z.url({ protocol: /^https?$/ }).default(LOCAL_IDP_DEFAULT_URL),
  /**
   * How recent the proof behind a credential must be for a sensitive action (linking or unlinking
   * a provider, signing out everywhere, ending another device's credential): older, and the
   * person proves it is them again first (lib/auth/account/recent-proof.ts).
   */
  RECENT_PROOF_SECONDS: seconds(5 * 60),
  /**
   * How long a passkey ceremony (the challenge the server issued) may take between its options
   * and its answer; used once either way (lib/store/challenges).
   */
  PASSKEY_CHALLENGE_SECONDS: seconds(2 * 60),
  /** Production only: the local identity provider stands in for a provider with no credentials. */
  OAUTH_ALLOW_LOCAL_IDP: z.enum(["true", "false"]).default("false"),
  /** Auth.js sessions: sliding (moved at most every UPDATE_AGE), and a hard end from sign-in. */
  OAUTH_SESSION_MAX_AGE_SECONDS: seconds(7 * 24 * 60 * 60),
  OAUTH_SESSION_UPDATE_AGE_SECONDS: seconds(60 * 60),
  OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS: seconds(30 * 24 * 60 * 60),
  /** The lab's expiry experiment: what it shortens one visitor's session and JWT family to. */
  LAB_SESSION_IDLE_SECONDS: seconds(20),
  LAB_ACCESS_TTL_SECONDS: seconds(30),
  /**
   * The lab's key-rotation experiment: signing keys of a visitor's own refresh family, rotated
   * and retired on request (other people's tokens are never touched). Unset: on in development,
   * off in production, where each key is a row and a JWKS entry a stranger could add.
   */
  LAB_KEY_ROTATION: z.enum(["on", "off"]).optional(),
  /**
   * Interview-room proofs (each makes and removes throwaway people): per client address per hour,
   * and for the whole site per hour.
   */
  COSTLY_RUN_LIMIT_PER_IP: z.coerce.number().int().positive().max(10_000).default(120),
  COSTLY_RUN_LIMIT_PER_HOUR: z.coerce.number().int().positive().max(100_000).default(2000),
  /** The lab's experiments, per client address and per person, per 10 minutes. */
  EXPERIMENT_LIMIT_PER_IP: z.coerce.number().int().positive().max(10_000).default(60),
  /**
   * Where the client's address comes from (lib/request-context.ts), stated by whoever deploys:
   * - "socket": the server is exposed directly; the address of the connection itself, recorded
   *   by `npm start` (scripts/start.mjs). Whatever a client writes in X-Forwarded-For is ignored.
   * - "proxy": behind TRUSTED_PROXY_HOPS proxies that each append to CLIENT_IP_HEADER
   *   (x-forwarded-for by default); the address is the rightmost entry none of them wrote.
   * - "vercel": Vercel's own x-vercel-forwarded-for, which a client can't write.
   * Production refuses to start without it (except on Vercel); development uses "proxy" with one
   * hop, as `next dev` fills x-forwarded-for from the connection when a request has none.
   */
  CLIENT_IP_SOURCE: z.enum(["socket", "proxy", "vercel"]).optional(),
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "CLIENT_IP_HEADER must be a lower-case header name.")
    .optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Set by scripts/start.mjs, which records each connection's address for CLIENT_IP_SOURCE=socket. */
  AUTH_LAB_SOCKET_ADDRESS: z.enum(["recorded"]).optional(),
  VERCEL: z.string().optional(),
  /**
   * "on": every page offers "try it as a demo person" (a throwaway account made on the spot and
   * signed in with a session and a JWT), so a visitor can start in one click. "off" hides it.
   * Unset: on in development, off in production (each demo person is an account anyone can make).
   */
  DEMO_SIGN_IN: z.enum(["on", "off"]).optional(),
  /** New accounts per client address per hour, and for the whole site per hour. */
  REGISTRATION_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
  REGISTRATION_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(1000),
  /**
   * What Vercel's cron sends (Authorization: Bearer …) to /api/cron/purge, which purges expired
   * rows where no long-running server has a timer for it. Required on Vercel.
   */
  CRON_SECRET: secretText("CRON_SECRET").optional(),
  /** Expired rows are purged this often; the event log keeps this many days. */
  PURGE_INTERVAL_SECONDS: seconds(10 * 60),
  AUTH_EVENT_RETENTION_DAYS: seconds(30),
  /** "off" disables proxy.ts's optimistic redirects (tests prove every page checks on its own). */
  PROXY_REDIRECTS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.output<typeof schema>;

/** Where a client's address comes from (CLIENT_IP_SOURCE), with the defaults filled in. */
export function clientIpSourceOf(env: Env): "socket" | "proxy" | "vercel" {
  return env.CLIENT_IP_SOURCE ?? (env.VERCEL === "1" ? "vercel" : "proxy");
}

const isLoopback = (url: string) =>
  ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);

/**
 * What production refuses to fall back to: each problem names its variable. Development keeps
 * its conveniences (a default APP_URL, the local identity provider).
 */
export function productionProblems(source: Record<string, string | undefined>, env: Env): string[] {
  const problems: string[] = [];
  // `npm run cluster` runs production builds on this machine only; anything else is a deployment.
  const localCluster = Boolean(env.CLUSTER_CONTROL_URL) && isLoopback(env.APP_URL);
  if (env.SESSION_STORE === "memory" && !localCluster)
    problems.push(
      "SESSION_STORE=memory is a teaching mode (sessions neither shared nor kept): use database or redis in production.",
    );
  if (env.CLUSTER_CONTROL_URL && !localCluster)
    problems.push(
      "CLUSTER_CONTROL_URL is for the lab's local cluster only: unset it in production.",
    );
  if (!source.APP_URL)
    problems.push(
      "APP_URL is missing: production needs its public URL (https://…; on Vercel it defaults to the deployment's own address).",
    );
  if (env.VERCEL === "1" && !env.CRON_SECRET)
    problems.push(
      "CRON_SECRET is missing: Vercel's cron calls /api/cron/purge with it to purge expired rows (node scripts/dev-secrets.mjs prints one).",
    );
  if (!env.CLIENT_IP_SOURCE && env.VERCEL !== "1")
    problems.push(
      "CLIENT_IP_SOURCE is missing: say where a client's address comes from (socket when the server is exposed directly, proxy behind TRUSTED_PROXY_HOPS proxies, vercel on Vercel). Throttling counts per address.",
    );
  if (
    clientIpSourceOf(env) === "socket" &&
    env.AUTH_LAB_SOCKET_ADDRESS !== "recorded" &&
    !localCluster
  )
    problems.push(
      "CLIENT_IP_SOURCE=socket needs `npm start` (scripts/start.mjs), which records each connection's address; `next start` passes on whatever X-Forwarded-For a client writes.",
    );
  if (source.APP_URL && !env.APP_URL.startsWith("https://") && !isLoopback(env.APP_URL))
    problems.push(
      "APP_URL must be https:// in production (plain http is allowed only for localhost).",
    );
  for (const [provider, id, secret] of [
    ["Google", env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET],
    ["GitHub", env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET],
  ] as const) {
    const prefix = `AUTH_${provider.toUpperCase()}`;
    // Neither is fine: that provider is off on this deployment, and the app says so.
    if (Boolean(id) !== Boolean(secret))
      problems.push(`${prefix}_ID and ${prefix}_SECRET go together: one of them is missing.`);
  }
  // The local identity provider runs beside the app: a deployment elsewhere can't reach loopback.
  if (
    env.OAUTH_ALLOW_LOCAL_IDP === "true" &&
    isLoopback(env.OAUTH_LOCAL_IDP_URL) &&
    !isLoopback(env.APP_URL)
  )
    problems.push(
      "OAUTH_ALLOW_LOCAL_IDP=true needs OAUTH_LOCAL_IDP_URL to be an identity provider this deployment can reach, not loopback: set it, or unset OAUTH_ALLOW_LOCAL_IDP (providers without credentials are then off).",
    );
  return problems;
}

function storeProblems(env: Env): string[] {
  return env.SESSION_STORE === "redis" && !env.REDIS_URL
    ? ["SESSION_STORE=redis needs REDIS_URL (redis://… or rediss://…)."]
    : [];
}

/** The environment breaks the rules: its message lists every problem, each naming its variable. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/**
 * On Vercel, APP_URL may be left unset: production uses the project's production domain, and a
 * preview its deployment's own address (VERCEL_PROJECT_PRODUCTION_URL, VERCEL_URL: host names,
 * always https). An APP_URL that is set wins.
 */
export function withDeploymentAddress(
  source: Record<string, string | undefined>,
): Record<string, string | undefined> {
  if (source.APP_URL || source.VERCEL !== "1") return source;
  const host =
    source.VERCEL_ENV === "production"
      ? (source.VERCEL_PROJECT_PRODUCTION_URL ?? source.VERCEL_URL)
      : source.VERCEL_URL;
  return host ? { ...source, APP_URL: `https://${host}` } : source;
}

/** The public address as configured (or as Vercel gives it), unvalidated: for the proxy and headers. */
export const configuredAppUrl = (source: Record<string, string | undefined> = process.env) =>
  withDeploymentAddress(source).APP_URL ?? "";

/** Parses an environment; throws one error listing every problem, each naming its variable. */
export function parseEnv(given: Record<string, string | undefined>): Env {
  const source = withDeploymentAddress(given);
  const result = schema.safeParse(source);
  const production = source.NODE_ENV === "production";
  const problems = result.success
    ? [
        ...storeProblems(result.data),
        ...(production ? productionProblems(source, result.data) : []),
      ]
    : result.error.issues.map((issue) => issue.message);
  if (problems.length > 0 || !result.success) {
    const hint = production
      ? "Set them in the deployment's environment (see .env.example)."
      : "Run `npm run setup` (or `npm run dev`) to generate development secrets in .env.local.";
    const list = problems.map((problem) => `  - ${problem}`).join("\n");
    throw new EnvironmentError(
      `Auth Lab cannot start: the environment is incomplete.\n${list}\n${hint}`,
    );
  }
  return result.data;
}
