import "server-only";
import { getDb } from "@/lib/db";
import { generateToken } from "../tokens";
import { setOAuthSessionCookie } from "./cookie";

// Linking a provider to an account that signs in with a password: Auth.js links a new provider
// account to whoever its session belongs to. So after the person proves their password (a
// session or JWT sign-in), this gives them a short Auth.js session, and the provider sign-in that
// follows is linked to them instead of being refused for its matching email.

const LINK_SESSION_SECONDS = 10 * 60;

export async function startLinkSession(userId: string): Promise<void> {
  const sessionToken = generateToken();
  const expires = new Date(Date.now() + LINK_SESSION_SECONDS * 1000);
  await getDb().session.create({ data: { sessionToken, userId, expires } });
  await setOAuthSessionCookie(sessionToken, expires);
}
