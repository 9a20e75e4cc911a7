import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/names";
import { getEnv, isHttps } from "@/lib/env";
import { hashToken } from "./tokens";

// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that
// has signed in to an account before carries a cookie that says so, bound to that account by a
// MAC only the server can make. Its sign-in attempts are throttled on their own, so an attacker
// hammering the account from elsewhere can slow guessing but never lock the owner out.

const LIFETIME_SECONDS = 365 * 24 * 60 * 60;
let key: Buffer | undefined;

const macKey = () =>
  (key ??= Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "auth-lab", "device-cookie", 32)));

const mac = (nonce: string, email: string) =>
  createHmac("sha256", macKey())
    .update(`${nonce}:${hashToken(email)}`)
    .digest("base64url");

/** The device id in this browser's cookie, if the cookie was made for this account. */
export async function trustedDeviceFor(email: string): Promise<string | null> {
  const value = (await cookies()).get(cookieNames(isHttps()).device)?.value ?? "";
  const [nonce, given] = value.split(".");
  if (!nonce || !given || value.length > 200) return null;
  const expected = Buffer.from(mac(nonce, email));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? nonce : null;
}

/** After a successful sign-in: this browser is now a known device of this account. */
export async function rememberDevice(email: string): Promise<void> {
  const nonce = randomBytes(16).toString("base64url");
  (await cookies()).set(cookieNames(isHttps()).device, `${nonce}.${mac(nonce, email)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    maxAge: LIFETIME_SECONDS,
  });
}
