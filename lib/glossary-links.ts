import { GLOSSARY } from "./glossary";

// Finds the glossary's terms in a text, so a page can link each to its entry on /glossary. A
// term is matched as a whole word; names with capitals (JWT, PKCE, HttpOnly) only as written,
// lower-case ones (refresh token) in any case. Each term is linked once per text.

export type Segment = { text: string; glossary?: string };

const names = GLOSSARY.filter((entry) => entry.autolink !== false)
  .flatMap((entry) =>
    [entry.term, ...(entry.aliases ?? [])].map((name) => ({ name, id: entry.id })),
  )
  // The longest first: "refresh token" before "token", "OpenID Connect" before "OIDC".
  .sort((a, b) => b.name.length - a.name.length);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = new RegExp(
  `(?<![\\w-])(${names.map(({ name }) => escape(name)).join("|")})(?![\\w-])`,
  "gi",
);

function entryFor(found: string): string | undefined {
  return names.find(({ name }) =>
    name === name.toLowerCase() ? name === found.toLowerCase() : name === found,
  )?.id;
}

/** `text` cut into plain segments and glossary terms; `linked` carries terms already linked. */
export function linkTerms(text: string, linked: Set<string> = new Set()): Segment[] {
  const segments: Segment[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const id = entryFor(match[0]);
    if (!id || linked.has(id)) continue;
    linked.add(id);
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ text: match[0], glossary: id });
    from = match.index + match[0].length;
  }
  if (from < text.length) segments.push({ text: text.slice(from) });
  return segments;
}
