import "server-only";
import type { JWTHeaderParameters } from "jose";
import { BoundedMap } from "@/lib/bounded-map";
import type { AccessClaims, RejectReason, VerifyResult } from "./claims";

/**
 * Access tokens that passed every check of verifyAccessToken, per process. The signature, `alg`,
 * `kid`, `typ`, `iss` and `aud` of a given token string can't change while the process runs (its
 * configured keys and settings are fixed; only tokens signed by one of those are remembered), so an ES256
 * verification (~200-400 µs of CPU) need not run again for it. What changes with time, `exp`,
 * `nbf` and the token's age, is checked again on every use, exactly as jose checks it. This saves
 * work and decides nothing: revocation is the checked verifier's lookup, which runs on every
 * request whatever this holds. Bounded, oldest out first; only tokens that verified get in.
 */
const verified = new BoundedMap<
  string,
  { claims: AccessClaims; nbf?: number; header: JWTHeaderParameters }
>(1000);

export function remember(
  memoKey: string,
  claims: AccessClaims,
  nbf: unknown,
  header: JWTHeaderParameters,
): void {
  verified.set(memoKey, {
    claims: { ...claims },
    ...(typeof nbf === "number" ? { nbf } : {}),
    header,
  });
}

/**
 * A token verified before, as verifyAccessToken would answer for it now; null if it isn't
 * remembered. One whose time is up is forgotten.
 */
export function recall(
  memoKey: string,
  maxTokenAge: number,
  tolerance: number,
): VerifyResult | null {
  const known = verified.get(memoKey);
  if (!known) return null;
  const reason = timeCheck(known, maxTokenAge, tolerance);
  if (reason) {
    verified.delete(memoKey);
    return { ok: false, reason };
  }
  return { ok: true, claims: { ...known.claims }, header: { ...known.header } };
}

/** jose's time checks (exp, nbf, maxTokenAge with clockTolerance), on a token verified before. */
function timeCheck(
  entry: { claims: AccessClaims; nbf?: number },
  maxTokenAge: number,
  tolerance: number,
): RejectReason | null {
  const now = Math.floor(Date.now() / 1000);
  const { exp, iat } = entry.claims;
  if (entry.nbf !== undefined && entry.nbf > now + tolerance) return "not_yet_valid";
  if (exp <= now - tolerance) return "expired";
  const age = now - iat;
  if (age - tolerance > maxTokenAge) return "expired";
  if (age < -tolerance) return "invalid_claims";
  return null;
}
