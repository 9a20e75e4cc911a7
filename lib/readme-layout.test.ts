import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's Layout block is the map of the tree: every name in it exists, and every folder a
// reader meets (at the top, in app/, lib/ and lib/auth/) is in it. It can't drift again.

const ROOT = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The paths the Layout block names, each made whole from the line it is indented under. */
function layoutPaths(): string[] {
  const block = /## Layout\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no Layout block");
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of block.split("\n")) {
    const indent = line.length - line.trimStart().length;
    // A description's second line sits in the description column.
    if (indent >= 20) continue;
    const names = line.trim().split(/ {2,}/)[0] ?? "";
    const level = indent / 2;
    const parent = parents.slice(0, level).join("");
    const here = names
      .split(/[ ,]+/)
      .filter(Boolean)
      .map((name) => `${parent}${name}`);
    paths.push(...here);
    const folder = here.find((name) => name.endsWith("/"));
    if (folder) parents[level] = folder.slice(parent.length);
    parents.length = level + 1;
  }
  return paths;
}

/** The folders holding tracked files directly under `under` (the top when empty). */
function trackedFolders(under: string): string[] {
  const files = execFileSync("git", ["ls-files", ...(under ? [under] : [])], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  const prefix = under ? `${under}/` : "";
  return [
    ...new Set(
      files
        .map((file) => file.slice(prefix.length))
        .filter((rest) => rest.includes("/"))
        .map((rest) => `${prefix}${rest.split("/")[0]}/`),
    ),
  ];
}

describe("the README's Layout", () => {
  const named = layoutPaths();

  it("names only what exists", () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
  });

  it("names every folder at the top and in app/, lib/ and lib/auth/", () => {
    const folders = [
      ...trackedFolders("").filter((folder) => !folder.startsWith(".")),
      ...["app", "lib", "lib/auth"].flatMap(trackedFolders),
    ];
    expect(folders.filter((folder) => !named.includes(folder))).toEqual([]);
  });
});
