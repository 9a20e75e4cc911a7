import "server-only";
import { cookies } from "next/headers";
import { cookieNames, LINK_CALLBACK_PATH } from "@/lib/auth/names";
import { getDb, transaction } from "@/lib/db";
import { getEnv, isHttps } from "@/lib/env";
import { generateToken, hashToken } from "../tokens";
import type { ProviderId } from "./providers";

// Linking a provider to a person is a single-purpose permission, not a session. After a fresh
// proof (the password typed just now, or a sign-in just made), the server records an intent: this
// person may link this provider, once, in the next few minutes. The browser carries its token in
// a cookie sent only to the provider callbacks; the callback consumes it and links the provider
// account to that person, and nothing else: no session is created, and the intent is gone.

export const LINK_INTENT_SECONDS = 5 * 60;

const name = () => cookieNames(isHttps()).linkIntent;
const options = (maxAge: number) =>
  ({
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: LINK_CALLBACK_PATH,
    maxAge,
  }) as const;

/** A sign-in at most LINK_PROOF_SECONDS old is proof enough to start a link without the password. */
export const isFresh = (signedInAt: Date) =>
  Date.now() - signedInAt.getTime() <= getEnv().LINK_PROOF_SECONDS * 1000;

export async function startLinkIntent(
  userId: string,
  provider: ProviderId,
  returnTo: string,
): Promise<void> {
  const token = generateToken();
  await getDb().linkIntent.create({
    data: {
      id: hashToken(token),
      userId,
      provider,
      returnTo,
      expiresAt: new Date(Date.now() + LINK_INTENT_SECONDS * 1000),
    },
  });
  (await cookies()).set(name(), token, options(LINK_INTENT_SECONDS));
}

export type LinkIntent = { userId: string; provider: string; returnTo: string };

/**
 * The intent this browser carries for `provider`, used up: it is deleted whether or not it
 * matches, so a token can never be tried twice. Null when there is none, or it has expired.
 */
export async function consumeLinkIntent(provider: string): Promise<LinkIntent | null> {
  const jar = await cookies();
  const token = jar.get(name())?.value;
  if (!token) return null;
  jar.set(name(), "", options(0));
  const id = hashToken(token);
  const intent = await transaction(async (tx) => {
    const row = await tx.linkIntent.findUnique({
      where: { id },
      select: { userId: true, provider: true, returnTo: true, expiresAt: true },
    });
    await tx.linkIntent.deleteMany({ where: { id } });
    return row;
  });
  if (!intent || intent.provider !== provider || intent.expiresAt.getTime() <= Date.now())
    return null;
  return { userId: intent.userId, provider: intent.provider, returnTo: intent.returnTo };
}
