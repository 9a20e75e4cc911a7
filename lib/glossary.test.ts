import { describe, expect, it } from "vitest";
import { GLOSSARY } from "./glossary";
import { linkTerms } from "./glossary-links";

describe("the glossary", () => {
  it("has one entry per id and per term", () => {
    expect(new Set(GLOSSARY.map((entry) => entry.id)).size).toBe(GLOSSARY.length);
    const names = GLOSSARY.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it("links each term once, as a whole word, acronyms only as written", () => {
    const segments = linkTerms(
      "A refresh token is not an access token; the Refresh token rotates. PKCE, not pkce, and no JWTs.",
    );
    expect(segments.filter((segment) => segment.glossary)).toEqual([
      { text: "refresh token", glossary: "refresh-token" },
      { text: "access token", glossary: "access-token" },
      { text: "PKCE", glossary: "pkce" },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toContain("no JWTs.");
  });

  it("prefers the longest name and leaves a text without terms whole", () => {
    expect(linkTerms("an OpenID Connect provider")).toContainEqual({
      text: "OpenID Connect",
      glossary: "oidc",
    });
    expect(linkTerms("nothing to see here")).toEqual([{ text: "nothing to see here" }]);
  });
});
