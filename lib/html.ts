// Text placed in hand-written HTML (the attacker page, the 503 page, the local identity provider's
// screens): the five characters that could end an element or an attribute, as entities.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
