import "server-only";
import { cache } from "react";
import { ServerTiming } from "@/lib/http/server-timing";
import { isStoreUnavailable } from "@/lib/store/errors";
import { verifyAccessToken } from "./access-token";
import type { AccessClaims, RejectReason } from "./claims";
import { jwtSettings } from "./config";
import { readAccessCookie } from "./cookies";
import { checkNotRevoked, type LiveUser } from "./revocation";

// The JWT strategy's guard. Stateless: signature and claims. Checked (the app's default): the same
// plus one lookup for revocation. Bearer header or cookie, never two different people at once.

export type VerifierMode = "checked" | "stateless";
export type Transport = "cookie" | "bearer";
export type JwtUser = LiveUser | { id: string; email?: undefined; name?: undefined };

export type JwtFailure =
  | RejectReason
  | "missing"
  | "revoked"
  | "conflicting_credentials"
  /** The denylist's store couldn't be asked (pages only; route handlers answer 503). */
  | "unavailable";
export type JwtAuth =
  | { ok: true; user: JwtUser; claims: AccessClaims; transport: Transport; mode: VerifierMode }
  | { ok: false; reason: JwtFailure };

export async function authenticateJwt(
  source: { bearer?: string; cookie?: string },
  timing = new ServerTiming(),
  mode: VerifierMode = jwtSettings().verifier,
): Promise<JwtAuth> {
  const { bearer, cookie } = source;
  const token = bearer ?? cookie;
  if (!token) return { ok: false, reason: "missing" };
  const transport: Transport = bearer ? "bearer" : "cookie";

  const verified = await timing.measure("verify", () => verifyAccessToken(token));
  if (!verified.ok) return verified;
  if (bearer && cookie && cookie !== bearer) {
    // Two credentials are acceptable only if they name the same person.
    const other = await verifyAccessToken(cookie);
    if (other.ok && other.claims.sub !== verified.claims.sub)
      return { ok: false, reason: "conflicting_credentials" };
  }
  if (mode === "stateless")
    return {
      ok: true,
      user: { id: verified.claims.sub },
      claims: verified.claims,
      transport,
      mode,
    };

  const live = await timing.measure("db", () => checkNotRevoked(verified.claims));
  if (!live.ok) return live;
  return { ok: true, user: live.user, claims: verified.claims, transport, mode };
}

/**
 * For pages and actions: the cookie only, once per request, always the checked verifier
 * (JWT_VERIFIER=stateless is a lesson about APIs; a page must never show a revoked person).
 */
export const getCurrentJwt = cache(async (): Promise<JwtAuth> => {
  try {
    return await authenticateJwt({ cookie: await readAccessCookie() }, undefined, "checked");
  } catch (error) {
    if (isStoreUnavailable(error)) return { ok: false, reason: "unavailable" };
    throw error;
  }
});

/**
 * Signed out only for now: the access token expired, or the key that signed it has since been
 * retired (the lab's key rotation). Either way the refresh token decides, so a page refreshes
 * silently rather than sending the person to sign in.
 */
export const refreshable = (auth: JwtAuth) =>
  !auth.ok && (auth.reason === "expired" || auth.reason === "unknown_key");
