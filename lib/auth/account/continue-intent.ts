import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { isHttps } from "@/lib/env";
import { cookieNames } from "../names";
import { INTENT_SECONDS } from "../oauth/intent";
import { generateToken } from "../tokens";
import type { Pending, SensitiveAction } from "./recent-proof";

// The confirmation page carries on with a sensitive action by itself (no second press) only for
// the browser that started a re-proof for exactly that action moments ago. A recent proof alone
// is not enough: a link from another site to /account/confirm?action=unlink&provider=github is a
// GET the victim's browser makes with its cookies (SameSite=Lax lets a top-level navigation
// through), so a page that submitted on its own would unlink for whoever clicked the link (CSRF).
// So a re-proof that leaves the site and comes back mints a random nonce: it rides in the return
// URL, and in an HttpOnly cookie beside the digest of what is being confirmed (and for whom).
// Another site can neither read the cookie nor guess the nonce; a page without both shows a
// button to press, never a form that sends itself. The server action that carries on uses it up.

/** What a re-proof is for: exactly these fields, for this person. */
export type ContinueTarget = {
  userId: string;
  action: SensitiveAction;
  next: string;
  pending: Pending;
};

/** generateToken's shape: 32 random bytes, base64url. */
const nonceSchema = z.string().regex(/^[\w-]{43}$/);

const digestOf = ({ userId, action, next, pending }: ContinueTarget) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        userId,
        action,
        next,
        pending.provider ?? "",
        pending.via ?? "",
        pending.passkey ?? "",
      ]),
    )
    .digest("base64url");

const cookieValueOf = (nonce: string, target: ContinueTarget) => `${nonce}.${digestOf(target)}`;

/** A new intent: the nonce for the return URL, and the cookie value binding it to `target`. */
export function mintContinueIntent(target: ContinueTarget): { nonce: string; cookie: string } {
  const nonce = generateToken();
  return { nonce, cookie: cookieValueOf(nonce, target) };
}

/**
 * Whether the cookie this browser holds was minted with `nonce` (as the URL brought it back, so
 * anything) for exactly `target`. Compared in constant time: the cookie is secret from other
 * sites, and how far a guess matched must not show in how long the answer took.
 */
export function matchesContinueIntent(
  cookie: string | undefined,
  nonce: unknown,
  target: ContinueTarget,
): boolean {
  const parsed = nonceSchema.safeParse(nonce);
  if (!cookie || !parsed.success) return false;
  const expected = Buffer.from(cookieValueOf(parsed.data, target));
  const held = Buffer.from(cookie);
  return held.length === expected.length && timingSafeEqual(held, expected);
}

const cookieName = () => cookieNames(isHttps()).continueIntent;

/** `__Host-` over HTTPS, so Path=/ and no Domain; gone with the provider round it rides along with. */
const cookieOptions = (maxAge: number) =>
  ({ httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/", maxAge }) as const;

/**
 * Mints an intent for `target` into this browser's cookie (replacing any earlier one: only the
 * latest re-proof carries on) and returns the nonce for the return URL. It lives as long as the
 * provider intent of the same round (lib/auth/oauth/intent.ts): a return any later finds nothing.
 */
export async function startContinueIntent(target: ContinueTarget): Promise<string> {
  const { nonce, cookie } = mintContinueIntent(target);
  (await cookies()).set(cookieName(), cookie, cookieOptions(INTENT_SECONDS));
  return nonce;
}

/** Whether this browser started a re-proof for exactly `target`, and `nonce` is its own. */
export async function continueIntended(nonce: unknown, target: ContinueTarget): Promise<boolean> {
  return matchesContinueIntent((await cookies()).get(cookieName())?.value, nonce, target);
}

/** Used up when the confirmation page carries on: a reload of the same URL asks again. */
export async function consumeContinueIntent(): Promise<void> {
  const jar = await cookies();
  if (jar.has(cookieName())) jar.set(cookieName(), "", cookieOptions(0));
}
