/**
 * One cookie of a request, read straight from its Cookie header, exactly as Next.js's cookies()
 * parses it (@edge-runtime/cookies: pairs split on "; ", the value URI-decoded, a later pair with
 * the same name wins, an undecodable one skipped), without building the whole cookie store for a
 * route handler that needs one value.
 */
export function requestCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  let found: string | undefined;
  for (const pair of header.split(/; */)) {
    const splitAt = pair.indexOf("=");
    if (splitAt === -1) {
      if (pair === name) found = "true";
      continue;
    }
    if (pair.slice(0, splitAt) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(splitAt + 1));
    } catch {
      // Next.js skips a value it can't decode (an earlier one, if any, stays).
    }
  }
  return found;
}
