// The one place that names the three strategies: ids, labels, paths and cookie names. A plain
// module (no server-only, no env) so proxy.ts, client components, the lab and the e2e specs all
// import the same words instead of restating them.

export const STRATEGY_IDS = ["session", "jwt", "oauth"] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const isStrategyId = (value: unknown): value is StrategyId =>
  typeof value === "string" && (STRATEGY_IDS as readonly string[]).includes(value);

type StrategyNames = {
  id: StrategyId;
  /** How the strategy is named in headings and tables. */
  label: string;
  /** One word, for pills and tight columns. */
  short: string;
  /** The strategy's home page, its sign-in page, and the pages only a signed-in person sees. */
  href: "/session" | "/jwt" | "/oauth";
  loginPath: "/session/login" | "/jwt/login" | "/oauth/login";
  protectedPaths: readonly string[];
  /** Where its route handlers live: `${api}/me`, `${api}/notes`. */
  api: "/api/session" | "/api/jwt" | "/api/oauth";
  notesPath: "/notes?via=session" | "/notes?via=jwt" | "/notes?via=oauth";
};

export const STRATEGIES = {
  session: {
    id: "session",
    label: "Server session",
    short: "Session",
    href: "/session",
    loginPath: "/session/login",
    protectedPaths: ["/session", "/session/devices", "/session/password"],
    api: "/api/session",
    notesPath: "/notes?via=session",
  },
  jwt: {
    id: "jwt",
    label: "JWT access + refresh",
    short: "JWT",
    href: "/jwt",
    loginPath: "/jwt/login",
    protectedPaths: ["/jwt", "/jwt/tokens"],
    api: "/api/jwt",
    notesPath: "/notes?via=jwt",
  },
  oauth: {
    id: "oauth",
    label: "Google / GitHub (OAuth)",
    short: "OAuth",
    href: "/oauth",
    loginPath: "/oauth/login",
    protectedPaths: ["/oauth/account"],
    api: "/api/oauth",
    notesPath: "/notes?via=oauth",
  },
} as const satisfies Record<StrategyId, StrategyNames>;

export const STRATEGY_LIST = STRATEGY_IDS.map((id) => STRATEGIES[id]);

/** The sign-in providers Auth.js offers, by id, with the name a person reads. */
export const PROVIDERS = { google: "Google", github: "GitHub" } as const;
export type ProviderId = keyof typeof PROVIDERS;

export const isProviderId = (value: unknown): value is ProviderId =>
  typeof value === "string" && Object.hasOwn(PROVIDERS, value);

/** A provider's name; an id this app doesn't know (an old row, a query string) as it is. */
export const providerName = (id: string): string => (isProviderId(id) ? PROVIDERS[id] : id);

/** The refresh cookie is sent to this path only. */
export const JWT_REFRESH_PATH = "/api/jwt/refresh";

/**
 * Every cookie the app sets, by role. Over HTTPS: `__Host-` where the cookie is for the whole site
 * (the browser then insists on Secure, Path=/ and no Domain), `__Secure-` where it has its own path.
 */
export function cookieNames(https: boolean) {
  return {
    session: https ? "__Host-auth-lab.session" : "auth-lab.session",
    jwtAccess: https ? "__Host-auth-lab.access" : "auth-lab.access",
    jwtRefresh: https ? "__Secure-auth-lab.refresh" : "auth-lab.refresh",
    oauthSession: https ? "__Host-authjs.session-token" : "authjs.session-token",
    /** A known device for sign-in throttling (lib/auth/device.ts). */
    device: https ? "__Host-auth-lab.device" : "auth-lab.device",
    /** The step log of this browser's last provider sign-in, encrypted (lib/auth/oauth/flow-log.ts). */
    oauthFlow: https ? "__Host-auth-lab.oauth-flow" : "auth-lab.oauth-flow",
    /** A re-proof this browser started, to carry on with by itself (lib/auth/account/continue-intent.ts). */
    continueIntent: https ? "__Host-auth-lab.continue" : "auth-lab.continue",
  } as const;
}

export type CookieRole = keyof ReturnType<typeof cookieNames>;

/** The cookie whose presence means "maybe signed in" under each strategy (proxy.ts's hint). */
export const PRESENCE_COOKIE: Record<StrategyId, CookieRole> = {
  session: "session",
  jwt: "jwtAccess",
  oauth: "oauthSession",
};
