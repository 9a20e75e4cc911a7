import "server-only";
import { decodeProtectedHeader } from "jose";
import type { RejectReason } from "@/lib/auth/jwt/claims";
import { jwtSettings, SIGNING_ALGORITHM } from "@/lib/auth/jwt/config";
import { verifyAccessTokenFromScratch } from "@/lib/auth/jwt/access-token";

// "Paste any JWT": the decoder shows a token in the browser; asked, the server verifies it the way
// this app's stateless verifier does (signature against this app's JWKS, then the claims) and says
// in words why it fails. Nothing is remembered, nothing signed, nothing sent anywhere else.

export type TokenVerdict = { valid: boolean; reason: "valid" | RejectReason; message: string };

const algOf = (token: string): string => {
  try {
    return String(decodeProtectedHeader(token).alg ?? "none given");
  } catch {
    return "unreadable";
  }
};

function explain(reason: RejectReason, token: string): string {
  const { clockToleranceSeconds, issuer, audience } = jwtSettings();
  switch (reason) {
    case "malformed":
      return "Malformed: not a JWS in compact form (three base64url parts, header.payload.signature, the first two JSON), so there is nothing to verify.";
    case "too_large":
      return "Too large: this app refuses tokens over 2 KB before doing any work.";
    case "forbidden_header":
      return "Refused: its header points at a key elsewhere (jku, jwk, x5u or x5c). A verifier never fetches a key a token tells it to; it uses its own JWKS.";
    case "unknown_key":
      return "Unknown kid: no key in this app's JWKS has the kid its header names. It was signed by someone else, or with a key that has been retired.";
    case "algorithm_not_allowed":
      return `Algorithm not allowed: its header says "alg": "${algOf(token)}", and this app accepts ${SIGNING_ALGORITHM} only, whatever a token says (that is what stops alg: none and key confusion).`;
    case "bad_signature":
      return "Bad signature: the signature does not match this header and payload under the key its kid names. The token was changed after signing, or signed with another key.";
    case "expired":
      return `Expired: the signature is good, but its exp is past (with ${clockToleranceSeconds} s allowed for clock skew). A client would refresh it.`;
    case "not_yet_valid":
      return "Not yet valid: its nbf is in the future.";
    case "wrong_issuer":
      return `Wrong issuer: the signature may be fine, but iss is not ${issuer}.`;
    case "wrong_audience":
      return `Wrong audience: it was not issued for this API (aud must be ${audience}).`;
    case "wrong_type":
      return "Wrong type: its header's typ is not \"at+jwt\" (RFC 9068), so it is not one of this app's access tokens (an ID token, perhaps).";
    case "missing_claim":
      return "Missing claim: one of sub, jti, iat or exp is absent.";
    case "invalid_claims":
      return "Invalid claims: a claim has the wrong shape, or iat is in the future or older than any token this app issues.";
  }
}

export async function verifyPastedToken(token: string): Promise<TokenVerdict> {
  const result = await verifyAccessTokenFromScratch(token.trim());
  if (result.ok)
    return {
      valid: true,
      reason: "valid",
      message: `Valid: signed by ${String(result.header.kid)} from this app's JWKS with ${SIGNING_ALGORITHM}, and every claim checks out (iss, aud, typ, exp). This is the stateless check: whether it was revoked since (a sign-out, the kill switch) is not asked.`,
    };
  return { valid: false, reason: result.reason, message: explain(result.reason, token.trim()) };
}
