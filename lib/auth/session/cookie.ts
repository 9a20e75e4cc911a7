import "server-only";
import { cookies } from "next/headers";
import { requestCookie } from "@/lib/http/cookies";
import { sessionCookieName, sessionCookieOptions } from "./config";

// The only code that touches the session cookie.

/** From the request a route handler was given, when there is one; from next/headers otherwise. */
export async function readSessionCookie(request?: Request): Promise<string | undefined> {
  if (request) return requestCookie(request.headers, sessionCookieName());
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
