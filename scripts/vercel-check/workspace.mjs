// The copy `vercel build` runs in: the files git would commit (tracked, and new ones not ignored),
// so a developer's .env.local, .data/ or .next/ can't make the build pass or fail, plus a real
// copy of node_modules (Turbopack refuses one linked from outside; a hard-linked one would let
// the build's `npm install` write through to the original).
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { run } from "../run.mjs";

export async function copyProject(projectDir, into, { signal }) {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 },
  );
  for (const file of listed.toString("utf8").split("\0").filter(Boolean)) {
    const source = path.join(projectDir, file);
    const stat = lstatSync(source, { throwIfNoEntry: false });
    if (!stat) continue; // deleted in the working tree, not yet in the index
    const target = path.join(into, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else copyFileSync(source, target);
  }
  await run("cp", ["-a", path.join(projectDir, "node_modules"), path.join(into, "node_modules")], {
    signal,
  });
}

/**
 * What `vercel link` would write: a project the CLI takes as already linked, so `vercel build`
 * asks no account anything. The ids are placeholders; the settings are the project's.
 */
export function linkProject(into) {
  mkdirSync(path.join(into, ".vercel"), { recursive: true });
  const project = {
    projectId: "prj_authlabvercelcheck",
    orgId: "team_authlabvercelcheck",
    settings: { framework: "nextjs" },
  };
  writeFileSync(path.join(into, ".vercel", "project.json"), `${JSON.stringify(project)}\n`);
}
