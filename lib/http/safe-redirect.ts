// Where to go after signing in: only a path on this site. Anything that a browser could read as
// another origin (//evil.test, /\evil.test, https://…, javascript:…, encoded variants) falls back.

export function safeNextPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let decoded = value;
  try {
    // Decode repeatedly so %2F%2F and double-encoded forms are judged as the browser would see them.
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++)
      decoded = decodeURIComponent(decoded);
  } catch {
    return fallback;
  }
  if (!decoded.startsWith("/") || decoded.startsWith("//") || decoded.includes("\\"))
    return fallback;
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  const url = new URL(value, "http://auth-lab.invalid");
  if (url.origin !== "http://auth-lab.invalid") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
