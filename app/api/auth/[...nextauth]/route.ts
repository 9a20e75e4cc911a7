import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/oauth/auth";
import { recordCallback } from "@/lib/auth/oauth/flow-recording";

// Auth.js handles everything. Two additions: a provider callback is recorded in the step log of
// the sign-in this browser started (lib/auth/oauth/flow-log.ts); and a provider's
// "access_denied" (the person pressed Deny), which Auth.js reports as a generic callback error,
// gets its own, clearer message.
export async function GET(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (!pathname.includes("/callback/")) return handlers.GET(request);
  return recordCallback(request, async () =>
    searchParams.get("error") === "access_denied"
      ? Response.redirect(new URL("/oauth/login?error=AccessDenied", request.url), 303)
      : handlers.GET(request),
  );
}

export const { POST } = handlers;
