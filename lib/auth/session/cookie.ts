import "server-only";
import { cookies } from "next/headers";
import { sessionCookieName, sessionCookieOptions } from "./config";

// The only code that touches the session cookie.

export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

export async function setSessionCookie(seal: string, expires: Date): Promise<void> {
  (await cookies()).set(sessionCookieName(), seal, sessionCookieOptions(expires));
}

export async function deleteSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", {
    ...sessionCookieOptions(new Date(0)),
    maxAge: 0,
  });
}
