// Rows the benchmarks need that only a real browser's sign-in would make. Imported after the
// benchmark has set DATABASE_URL (the app's modules read it when they load).
import { getDb } from "@/lib/db";
import { oauthLifetimes } from "@/lib/auth/oauth/adapter";
import { generateToken, hashToken } from "@/lib/auth/tokens";

/**
 * An Auth.js database session for `person`, as the adapter stores it (the token's hash, the
 * proof), with a fresh sign-in's expiry: not due to slide, so every guard call is a read, as most
 * requests are. Returns the cookie's token.
 */
export async function seedOAuthSession(
  person: { id: string; epoch: number },
  authTime: Date,
): Promise<string> {
  const token = generateToken();
  await getDb().session.create({
    data: {
      sessionToken: hashToken(token),
      userId: person.id,
      expires: new Date(Date.now() + oauthLifetimes().maxAgeSeconds * 1000),
      epoch: person.epoch,
      authTime,
      authMethod: "google",
    },
  });
  return token;
}
