// Text the app stores or hashes must be text: a lone UTF-16 surrogate can't be encoded (SQLite
// and argon2 would each do something different with it), and a NUL cuts a C string short (a note
// saved as "abc\0def" came back as "abc"). Both are refused at the boundary with a message.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NOT_PLAIN_TEXT = "Use plain text: no NUL characters or broken Unicode.";

export function isPlainText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** True when every string in a parsed JSON value (keys included) is plain text. */
export function allPlainText(value: unknown): boolean {
  if (typeof value === "string") return isPlainText(value);
  if (Array.isArray(value)) return value.every(allPlainText);
  if (value && typeof value === "object")
    return Object.entries(value).every(([key, item]) => isPlainText(key) && allPlainText(item));
  return true;
}
