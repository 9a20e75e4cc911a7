// The servers the end-to-end tests run against, and the settings each is started with. One
// source: playwright.config.ts starts them from here, and specs compute their deadlines from the
// very lifetimes the servers were given.

export const PORTS = {
  main: 3100,
  shortLived: 3101,
  recentProof: 3102,
  idp: 9401,
  /** The main server's Redis. */
  redis: 6391,
  /** `npm run cluster`'s load balancer (its instances on 3111 and 3112, its control on 3209). */
  cluster: 3110,
} as const;

export const IDP_URL = `http://127.0.0.1:${PORTS.idp}`;
export const MAIN_URL = `http://localhost:${PORTS.main}`;
export const SHORT_LIVED_URL = `http://localhost:${PORTS.shortLived}`;
export const RECENT_PROOF_URL = `http://localhost:${PORTS.recentProof}`;
export const CLUSTER_URL = `http://localhost:${PORTS.cluster}`;
/** The cluster's instances, each reached directly (not through its load balancer). */
export const CLUSTER_INSTANCE_URLS = {
  a: `http://127.0.0.1:${PORTS.cluster + 1}`,
  b: `http://127.0.0.1:${PORTS.cluster + 2}`,
} as const;
export const REDIS_URL = `redis://127.0.0.1:${PORTS.redis}`;

/** Defaults are the app's own (30 min idle, 15 min tokens); the lab shortens one visitor's. */
export const MAIN_SETTINGS = {
  // Sessions, throttling and the JWT denylist in Redis on this server (the short-lived one keeps
  // them in the database): the suite runs against both stores.
  REDIS_URL,
  OAUTH_LOCAL_IDP_URL: IDP_URL,
  OAUTH_ALLOW_LOCAL_IDP: "true",
  LAB_SESSION_IDLE_SECONDS: 3,
  LAB_ACCESS_TTL_SECONDS: 4,
  // Off by default in production; the key-rotation specs run it here (each on its own sign-in).
  LAB_KEY_ROTATION: "on",
  // Clock skew between servers is nil here; a second is plenty and keeps expiry tests short.
  JWT_CLOCK_TOLERANCE_SECONDS: 1,
  // Every test registers its people from its own address; the whole run stays under this.
  REGISTRATION_LIMIT_PER_HOUR: 10_000,
  // The tests play many clients, each with its own address, behind one trusted proxy (themselves).
  CLIENT_IP_SOURCE: "proxy",
  // Off by default in production; the tour and the demo specs use it here.
  DEMO_SIGN_IN: "on",
} as const;

/**
 * Lifetimes in seconds, so the expiry specs watch credentials die without sleeping for minutes,
 * and proxy.ts's redirects off (pages must refuse strangers on their own).
 */
export const SHORT_LIVED_SETTINGS = {
  OAUTH_LOCAL_IDP_URL: MAIN_SETTINGS.OAUTH_LOCAL_IDP_URL,
  OAUTH_ALLOW_LOCAL_IDP: MAIN_SETTINGS.OAUTH_ALLOW_LOCAL_IDP,
  JWT_CLOCK_TOLERANCE_SECONDS: MAIN_SETTINGS.JWT_CLOCK_TOLERANCE_SECONDS,
  REGISTRATION_LIMIT_PER_HOUR: MAIN_SETTINGS.REGISTRATION_LIMIT_PER_HOUR,
  CLIENT_IP_SOURCE: MAIN_SETTINGS.CLIENT_IP_SOURCE,
  LAB_SESSION_IDLE_SECONDS: MAIN_SETTINGS.LAB_SESSION_IDLE_SECONDS,
  LAB_ACCESS_TTL_SECONDS: MAIN_SETTINGS.LAB_ACCESS_TTL_SECONDS,
  SESSION_IDLE_TIMEOUT_SECONDS: 3,
  SESSION_ABSOLUTE_LIFETIME_SECONDS: 8,
  JWT_ACCESS_TTL_SECONDS: 4,
  PROXY_REDIRECTS: "off",
  // A handful of lab experiments per address and person, so the budget's 429 is quick to reach.
  EXPERIMENT_LIMIT_PER_IP: 4,
  // This server shows a deployment that turned demo people off.
  DEMO_SIGN_IN: "off",
} as const;

/**
 * The app's lifetimes, except that a proof counts as recent (for linking, unlinking, signing out
 * everywhere) for five seconds only: the specs of old sign-ins wait that out, and nothing else
 * runs out meanwhile (on the short-lived server an idle session would, under a slow runner's
 * load). Not less: back from a re-proof at a provider, the confirmation page loads, hydrates and
 * carries on by itself inside the window, which took up to 2.5 s on a busy two-core runner.
 */
export const RECENT_PROOF_SETTINGS = {
  OAUTH_LOCAL_IDP_URL: MAIN_SETTINGS.OAUTH_LOCAL_IDP_URL,
  OAUTH_ALLOW_LOCAL_IDP: MAIN_SETTINGS.OAUTH_ALLOW_LOCAL_IDP,
  REGISTRATION_LIMIT_PER_HOUR: MAIN_SETTINGS.REGISTRATION_LIMIT_PER_HOUR,
  CLIENT_IP_SOURCE: MAIN_SETTINGS.CLIENT_IP_SOURCE,
  RECENT_PROOF_SECONDS: 5,
} as const;

/** The app's defaults, as lib/env.ts has them, for specs that check them. */
export const DEFAULTS = {
  SESSION_IDLE_TIMEOUT_SECONDS: 1800,
  JWT_ACCESS_TTL_SECONDS: 900,
} as const;

export const asArguments = (settings: Record<string, string | number>) =>
  Object.entries(settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
