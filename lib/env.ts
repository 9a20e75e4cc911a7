import "server-only";
import { z } from "zod";

// The only module that reads process.env. Parsed once, on first use, so `next build` can
// collect pages without production secrets; instrumentation.ts calls it at start so a
// production server with a missing or weak secret never comes up.

const MIN_SECRET_LENGTH = 32;

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const secretText = (name: string) =>
  z
    .string({ error: `${name} is missing.` })
    .min(
      MIN_SECRET_LENGTH,
      `${name} is too short: use at least ${MIN_SECRET_LENGTH} random characters.`,
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
    z.string().min(MIN_SECRET_LENGTH, `each password needs ${MIN_SECRET_LENGTH}+ characters`),
  )
  .refine((map) => Object.keys(map).length > 0, "at least one password is needed");

/** Private ES256 signing keys, newest first. */
const privateJwk = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1, "a private key (d) is needed"),
  kid: z.string().regex(/^[\w-]{1,64}$/, "kid must be 1-64 letters, digits, - or _"),
});

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
  SESSION_PASSWORDS: jsonText("SESSION_PASSWORDS", sessionPasswords),
  SESSION_IDLE_TIMEOUT_SECONDS: seconds(30 * 60),
  SESSION_ABSOLUTE_LIFETIME_SECONDS: seconds(7 * 24 * 60 * 60),
  JWT_PRIVATE_KEYS: jsonText(
    "JWT_PRIVATE_KEYS",
    z.array(privateJwk).min(1, "at least one key is needed"),
  ),
  JWT_ACCESS_TTL_SECONDS: seconds(15 * 60),
  JWT_REFRESH_TTL_SECONDS: seconds(7 * 24 * 60 * 60),
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
  OAUTH_LOCAL_IDP_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:9400"),
  OAUTH_SESSION_MAX_AGE_SECONDS: seconds(7 * 24 * 60 * 60),
  /** The lab's expiry experiment: what it shortens one visitor's session and JWT family to. */
  LAB_SESSION_IDLE_SECONDS: seconds(20),
  LAB_ACCESS_TTL_SECONDS: seconds(30),
  /** New accounts per client address per hour, and for the whole site per hour. */
  REGISTRATION_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
  REGISTRATION_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(1000),
  /** "off" disables proxy.ts's optimistic redirects (tests prove every page checks on its own). */
  PROXY_REDIRECTS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.output<typeof schema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.message}`).join("\n");
    const hint =
      process.env.NODE_ENV === "production"
        ? "Set them in the deployment's environment (see .env.example)."
        : "Run `npm run setup` (or `npm run dev`) to generate development secrets in .env.local.";
    throw new Error(`Auth Lab cannot start: the environment is incomplete.\n${problems}\n${hint}`);
  }
  parsed = result.data;
  return parsed;
}

/** True when the app is served over HTTPS: cookies get Secure and __Host-/__Secure- names. */
export function isHttps(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}
