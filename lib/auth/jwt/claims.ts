import type { JWTHeaderParameters } from "jose";

// What an access token says and what verifying one answers: plain types, shared by the token's
// maker and verifier (access-token.ts), its memo (verified-tokens.ts) and the guards.

export type AccessClaims = {
  sub: string;
  /** The refresh family this token came from, so sign-out can end the family's tokens. */
  fam: string;
  /** The person's credential epoch when the family began: the kill switch bumps it. */
  ver: number;
  /**
   * When the person last proved who they are, for the sign-in the family came from (RFC 9068
   * §2.2.1, as in OIDC): every token of the family carries the same one; refreshing never moves it.
   */
  auth_time: number;
  jti: string;
  iat: number;
  exp: number;
};

/** Whose token, of which family, and the family's epoch and proof time. */
export type AccessSubject = { userId: string; familyId: string; epoch: number; authTime: Date };

export type RejectReason =
  | "malformed"
  | "too_large"
  | "forbidden_header"
  | "unknown_key"
  | "algorithm_not_allowed"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "wrong_type"
  | "missing_claim"
  | "invalid_claims";

export type VerifyResult =
  | { ok: true; claims: AccessClaims; header: JWTHeaderParameters }
  | { ok: false; reason: RejectReason };
