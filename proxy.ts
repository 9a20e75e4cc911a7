import { type NextRequest, NextResponse } from "next/server";
import {
  cookieNames,
  isStrategyId,
  PRESENCE_COOKIE,
  STRATEGIES,
  STRATEGY_LIST,
  type StrategyId,
} from "@/lib/auth/names";
import { configuredAppUrl } from "@/lib/env-rules";
import { refusal } from "@/lib/refusal";
import { pageContentSecurityPolicy } from "@/lib/security-headers";
import { unavailablePage } from "@/lib/unavailable-page";

// Runs before pages only, and decides nothing about who may see what:
// 0. a deployment whose environment breaks the rules answers a 503 page naming what to fix
//    (lib/refusal.ts: parsed once per process, no I/O);
// 1. a fresh CSP nonce per request (Next.js reads it from the request header for its scripts);
// 2. optimistic redirects: a protected page requested with no cookie at all for its strategy goes
//    straight to that strategy's sign-in. A cookie that is present is never checked here; every
//    page, action and route handler checks the person itself, so switching this off
//    (PROXY_REDIRECTS=off) exposes nothing.

// proxy.ts can't use lib/env.ts (server-only, and it needs every secret): these two are read here.
const https = configuredAppUrl().startsWith("https://");
const redirectsOn = process.env.PROXY_REDIRECTS !== "off";
const names = cookieNames(https);

/** The strategy whose sign-in a page needs: its own pages, or the notes page viewed through it. */
function strategyFor(pathname: string, via: string | null): StrategyId | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  if (path === "/notes") return isStrategyId(via) ? via : undefined;
  return STRATEGY_LIST.find((strategy) =>
    (strategy.protectedPaths as readonly string[]).includes(path),
  )?.id;
}

function signInRedirect(request: NextRequest): NextResponse | null {
  const { pathname, search, searchParams } = request.nextUrl;
  const id = strategyFor(pathname, searchParams.get("via"));
  if (!id || request.cookies.has(names[PRESENCE_COOKIE[id]])) return null;
  const target = new URL(STRATEGIES[id].loginPath, request.url);
  target.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export function proxy(request: NextRequest) {
  const refused = refusal();
  if (refused) return unavailablePage(refused);
  const early = redirectsOn ? signInRedirect(request) : null;
  if (early) return early;

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source:
        "/((?!api|attacker|\\.well-known|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
