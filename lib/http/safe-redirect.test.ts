import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

const FALLBACK = "/home";

describe("safeNextPath", () => {
  it.each([
    "/notes?via=session",
    "/lab#cost-heading",
    "/oauth/account",
    "/a/b/../c",
    "/search?q=%2F%2Fnot-a-host",
  ])("keeps a path on this site: %s", (path) => {
    const result = safeNextPath(path, FALLBACK);
    expect(result).not.toBe(FALLBACK);
    expect(new URL(result, "http://app.test").origin).toBe("http://app.test");
  });

  it.each([
    "//evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "https://evil.test",
    "javascript:alert(1)",
    "%2F%2Fevil.test",
    "%252F%252Fevil.test",
    "/%5Cevil.test",
    "/.//evil.test",
    "/..//evil.test",
    "/./..//evil.test",
    "/%2e%2e//evil.test",
    "/%2E//evil.test",
    "/%2e%2e%2f%2fevil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "/%09/evil.test",
    "/%0a/evil.test",
    "/%0d%0a/evil.test",
    "/\\/evil.test",
    "/%5c%5cevil.test",
    "/.%2e//evil.test",
    "/%2e./%2fevil.test",
    "/%252e%252e//evil.test",
    "///evil.test",
    "/x/../..//evil.test",
    "",
    "evil.test",
    "/%",
  ])("refuses what a browser could read as another site: %j", (value) => {
    expect(safeNextPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses anything that isn't a string, or is too long", () => {
    expect(safeNextPath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(["/notes"], FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(`/${"a".repeat(3000)}`, FALLBACK)).toBe(FALLBACK);
  });

  it("never returns a value that normalises to another origin", () => {
    for (const prefix of ["/.", "/..", "/./..", "/x/.."])
      for (const sep of ["//", "/%2f", "%2f/", "/\\"])
        expect(safeNextPath(`${prefix}${sep}evil.test`, FALLBACK), `${prefix}${sep}`).toBe(
          FALLBACK,
        );
  });
});
