import "server-only";
import { compactVerify, errors } from "jose";
import { getDb } from "@/lib/db";
import { readAccessCookie } from "@/lib/auth/jwt/cookies";
import { SIGNING_ALGORITHM } from "@/lib/auth/jwt/config";
import { UnknownKeyError, verificationKey } from "@/lib/auth/jwt/keys";
import { PROVIDER_TOKEN_PURPOSE } from "@/lib/auth/oauth/adapter";
import { keySetFor } from "@/lib/auth/oauth/id-token";
import { providerClient } from "@/lib/auth/oauth/providers";
import { peekOAuthUser } from "@/lib/auth/oauth/sessions";
import { unseal } from "@/lib/auth/secret-box";
import { type TokenSource, type TokenView, tokenView } from "./anatomy";

// The tokens this browser holds (or that are held for it), for the token viewer, and the one
// question the viewer may ask the server about an edited token: does the signature still match?
// Nothing here ever signs, so no edit can make a token the app would accept.

/** The ID token Google gave this person at their last sign-in, decrypted; null when none. */
export async function storedIdToken(userId: string): Promise<string | null> {
  const account = await getDb().account.findFirst({
    where: { userId, provider: "google", id_token: { not: null } },
    select: { id_token: true },
  });
  return unseal(account?.id_token, PROVIDER_TOKEN_PURPOSE);
}

/** The raw token of a source, as this browser's credentials reach it; null when there is none. */
async function rawToken(source: TokenSource): Promise<string | null> {
  if (source === "access") return (await readAccessCookie()) ?? null;
  const user = await peekOAuthUser();
  return user ? storedIdToken(user.id) : null;
}

/** Checks a provider's ID token's signature against the keys the provider publishes. */
export async function checkIdTokenSignature(token: string): Promise<SignatureCheck> {
  try {
    await compactVerify(token, await keySetFor(providerClient("google").issuer), {
      algorithms: ["RS256", "ES256"],
    });
    return { valid: true, reason: "valid", message: MESSAGES.valid! };
  } catch (error) {
    const reason = reasonFor(error);
    return { valid: false, reason, message: MESSAGES[reason] ?? MESSAGES.malformed! };
  }
}

const LABELS: Record<TokenSource, string> = {
  access: "Your access token",
  "id-token": "Your ID token (from Google)",
};

export async function viewToken(source: TokenSource): Promise<TokenView | null> {
  const token = await rawToken(source);
  return token ? tokenView(source, LABELS[source], token) : null;
}

export type SignatureCheck = {
  valid: boolean;
  /** A stable code: valid, bad_signature, algorithm_not_allowed, unknown_key, malformed. */
  reason: string;
  message: string;
};

const MESSAGES: Record<string, string> = {
  valid:
    "The signature matches these exact bytes: nothing was changed since the issuer signed them.",
  bad_signature:
    "The signature no longer matches: it was made over the original bytes, and only the holder of the private key can make a new one.",
  algorithm_not_allowed:
    "Refused before any maths: the verifier accepts one algorithm and never takes the header's word for it.",
  unknown_key: "No key with this kid: the verifier looks keys up in its own JWKS, nowhere else.",
  malformed: "This is not a token any more: the header or payload is not base64url JSON.",
  keys_unreachable:
    "The provider's published keys could not be fetched just now, so nothing could be checked.",
};

function reasonFor(error: unknown): string {
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm_not_allowed";
  if (error instanceof UnknownKeyError || error instanceof errors.JWKSNoMatchingKey)
    return "unknown_key";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  // Anything but jose's own refusals: the provider's discovery or JWKS could not be fetched.
  if (!(error instanceof errors.JOSEError)) return "keys_unreachable";
  return "malformed";
}

/**
 * Puts the edited header and payload in front of the original signature and checks the
 * signature only (claims such as exp are another question). Null when this browser holds no
 * token of that source.
 */
export async function checkEditedSignature(
  source: TokenSource,
  encodedHeader: string,
  encodedPayload: string,
): Promise<SignatureCheck | null> {
  const token = await rawToken(source);
  if (!token) return null;
  const signature = token.split(".")[2] ?? "";
  const candidate = `${encodedHeader}.${encodedPayload}.${signature}`;
  if (source === "id-token") return checkIdTokenSignature(candidate);
  try {
    await compactVerify(candidate, verificationKey, { algorithms: [SIGNING_ALGORITHM] });
    return { valid: true, reason: "valid", message: MESSAGES.valid! };
  } catch (error) {
    const reason = reasonFor(error);
    return { valid: false, reason, message: MESSAGES[reason] ?? MESSAGES.malformed! };
  }
}

/** A token for the viewer, with its signature checked as it stands (the ID token's, against the provider's keys). */
export async function viewCheckedToken(
  source: TokenSource,
): Promise<{ view: TokenView; signature: SignatureCheck } | null> {
  const view = await viewToken(source);
  if (!view) return null;
  const signature = await checkEditedSignature(source, view.encodedHeader, view.encodedPayload);
  return signature ? { view, signature } : null;
}
