// Where to go after signing in: only a path on this site. The value is judged as a browser would
// read it, decoded and normalised, and so is what this returns: //evil.test, /\evil.test,
// https://…, javascript:…, and every spelling that normalises into one of them (/.//evil.test,
// /%2e%2e//evil.test, tabs, newlines, backslashes, mixed or double encodings) falls back.

const BASE = "http://auth-lab.invalid";

/** A path a browser resolves on this origin and can't read as another one. */
function isLocalPath(path: string): boolean {
  return (
    path.startsWith("/") &&
    !path.startsWith("//") &&
    !path.includes("\\") &&
    !/[\u0000-\u001f\u007f]/.test(path)
  );
}

/** Local before and after the URL parser has normalised it (dot segments, and so on). */
function staysHome(path: string): boolean {
  if (!isLocalPath(path)) return false;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE && isLocalPath(`${url.pathname}${url.search}${url.hash}`);
  } catch {
    return false;
  }
}

/** Percent-decoded until nothing changes (three rounds at most), or null if malformed. */
function decodeFully(value: string): string | null {
  let decoded = value;
  try {
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++)
      decoded = decodeURIComponent(decoded);
  } catch {
    return null;
  }
  return decoded;
}

export function safeNextPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (/%(?![0-9a-f]{2})/i.test(value)) return fallback; // a broken escape: not worth guessing at
  const decoded = decodeFully(value);
  if (decoded === null || !staysHome(value) || !staysHome(decoded)) return fallback;
  const url = new URL(value, BASE);
  const result = `${url.pathname}${url.search}${url.hash}`;
  // What comes out is judged again, decoded too: it is what the browser will be sent to.
  const resultDecoded = decodeFully(result);
  return staysHome(result) && resultDecoded !== null && staysHome(resultDecoded)
    ? result
    : fallback;
}
