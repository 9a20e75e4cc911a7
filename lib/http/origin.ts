import "server-only";
import { getEnv } from "@/lib/env";

// CSRF defence for cookie-authenticated route handlers (server actions have Next.js's own check).
// Browsers send Origin on every cross-site unsafe request, and Sec-Fetch-Site where they can;
// a request with neither comes from a non-browser client, which no third-party site can drive.

export type OriginVerdict = "same-origin" | "cross-site" | "no-browser-signal";

export function checkOrigin(request: Request): OriginVerdict {
  const origin = request.headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, request.headers) ? "same-origin" : "cross-site";
  const site = request.headers.get("sec-fetch-site");
  if (site === null) return "no-browser-signal";
  return site === "same-origin" || site === "none" ? "same-origin" : "cross-site";
}

/**
 * The configured APP_URL, or the host the request was sent to (as Next.js checks server actions):
 * a cross-site page can choose its own Origin, never the Host a browser sends to us.
 */
function isOwnOrigin(origin: string, headers: Headers): boolean {
  const app = new URL(getEnv().APP_URL);
  if (origin === app.origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    // Scheme and host both: http://app.example is another origin than https://app.example.
    const claimed = new URL(origin);
    return host !== null && claimed.protocol === app.protocol && claimed.host === host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

export const isSafeMethod = (method: string) =>
  ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
