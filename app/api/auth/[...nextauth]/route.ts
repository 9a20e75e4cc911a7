import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/oauth/auth";
import { runInCallbackContext } from "@/lib/auth/oauth/callback-context";
import { oauthSessionCookieIn } from "@/lib/auth/oauth/cookie";
import { recordCallback } from "@/lib/auth/oauth/flow-recording";
import { jsonError } from "@/lib/http/json";

// Auth.js handles everything, after three things of the app's own:
// - a request carrying the session cookie twice or in chunks is refused before Auth.js reads it
//   (Auth.js and the rest of the app would read it differently: lib/auth/oauth/cookie.ts);
// - a provider callback runs in a context of its own (its state, the person, the proof), and is
//   recorded in the step log of the sign-in this browser started (lib/auth/oauth/flow-log.ts);
// - a provider's "access_denied" (the person pressed Deny), which Auth.js reports as a generic
//   callback error, gets its own, clearer message.

const ambiguous = (request: Request) =>
  oauthSessionCookieIn(request.headers).state === "ambiguous"
    ? jsonError(
        400,
        "bad_request",
        "The sign-in cookie came twice or in pieces: this browser holds a planted cookie. Clear this site's cookies and sign in again.",
      )
    : null;

export async function GET(request: NextRequest) {
  const refused = ambiguous(request);
  if (refused) return refused;
  const { pathname, searchParams } = request.nextUrl;
  if (!pathname.includes("/callback/")) return handlers.GET(request);
  return runInCallbackContext(request, () =>
    recordCallback(request, async () =>
      searchParams.get("error") === "access_denied"
        ? Response.redirect(new URL("/oauth/login?error=AccessDenied", request.url), 303)
        : handlers.GET(request),
    ),
  );
}

export async function POST(request: NextRequest) {
  return ambiguous(request) ?? handlers.POST(request);
}
