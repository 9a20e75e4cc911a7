/**
 * One cookie of a request, read straight from its Cookie header, exactly as Next.js's cookies()
 * parses it (@edge-runtime/cookies: pairs split on "; ", the value URI-decoded, a later pair with
 * the same name wins, an undecodable one skipped), without building the whole cookie store for a
 * route handler that needs one value.
 *
 * `unique`: none at all when the name comes more than once. For a cookie that other code parses
 * its own way (Auth.js keeps the first of two), so that the two can never name different people:
 * a second cookie of the same name is planted (a sibling subdomain over plain HTTP; `__Host-`
 * names rule it out over HTTPS), never sent by this app.
 */
export function requestCookie(
  headers: Headers,
  name: string,
  { unique = false }: { unique?: boolean } = {},
): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  let found: string | undefined;
  let seen = 0;
  for (const pair of header.split(/; */)) {
    const splitAt = pair.indexOf("=");
    if (splitAt === -1) {
      if (pair === name) found = "true";
      continue;
    }
    if (pair.slice(0, splitAt) !== name) continue;
    if (unique && ++seen > 1) return undefined;
    try {
      found = decodeURIComponent(pair.slice(splitAt + 1));
    } catch {
      // Next.js skips a value it can't decode (an earlier one, if any, stays).
    }
  }
  return found;
}
