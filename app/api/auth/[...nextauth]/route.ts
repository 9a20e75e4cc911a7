import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/oauth/auth";

// Auth.js handles everything, except that it reports a provider's "access_denied" (the person
// pressed Deny) as a generic callback error; that one answer gets its own, clearer message.
export async function GET(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.includes("/callback/") && searchParams.get("error") === "access_denied") {
    return Response.redirect(new URL("/oauth/login?error=AccessDenied", request.url), 303);
  }
  return handlers.GET(request);
}

export const { POST } = handlers;
