import type { StrategyId } from "../../lib/auth/names";
import { COOKIES } from "./names";

// Which strategies an answer's proof claims to show, and which its run involved: a proof that
// names a strategy must have sent that strategy's credential or asked its endpoints.

/** The strategies a "proves" sentence names. */
export function strategiesNamed(proves: string): Set<StrategyId> {
  const named = new Set<StrategyId>();
  if (/(?<!Auth\.js )\bsession (cookie|seal)\b|\bthe session and\b/.test(proves))
    named.add("session");
  if (/\bJWT\b|\bJWKS\b|refresh token|checked verifier|access-token cookie|Bearer/.test(proves))
    named.add("jwt");
  if (
    /Auth\.js session|provider sign-in|ID token|authorization request|provider tokens/.test(proves)
  )
    named.add("oauth");
  return named;
}

type RunProbe = { label: string; path: string; sent: { name: string; value: string }[] };
type RunFact = { name: string };

/** The strategies a run's requests and facts involved. */
export function strategiesInvolved(run: {
  probes: RunProbe[];
  facts?: RunFact[];
}): Set<StrategyId> {
  const involved = new Set<StrategyId>();
  const cookie = (value: string, ...names: string[]) =>
    names.some((name) => value.startsWith(`${name}=`));
  for (const probe of run.probes) {
    const path = probe.path;
    if (
      path.startsWith("/api/session") ||
      probe.sent.some((s) => s.name === "Cookie" && cookie(s.value, COOKIES.session))
    )
      involved.add("session");
    if (
      /^\/(api\/jwt|api\/downstream|\.well-known\/jwks\.json)/.test(path) ||
      probe.sent.some(
        (s) =>
          (s.name === "Cookie" && cookie(s.value, COOKIES.jwtAccess, COOKIES.jwtRefresh)) ||
          (s.name === "Authorization" && s.value.startsWith("Bearer")) ||
          s.name === "refresh_token",
      )
    )
      involved.add("jwt");
    if (
      /^\/api\/(auth|oauth)\b/.test(path) ||
      /^(OAuth|Google|GitHub)\b/.test(probe.label) ||
      probe.sent.some((s) => s.name === "Cookie" && cookie(s.value, COOKIES.oauthSession))
    )
      involved.add("oauth");
  }
  // Facts measured on real credentials: "Session cookie", "Access-token cookie", "ID token"…
  for (const { name } of run.facts ?? []) {
    if (/^Session\b/.test(name)) involved.add("session");
    if (/Access-token|Bearer|\bJWT\b|[Rr]efresh token/.test(name)) involved.add("jwt");
    if (/ID token|provider|Auth\.js|\b(google|github|Google|GitHub)\b/.test(name))
      involved.add("oauth");
  }
  return involved;
}
