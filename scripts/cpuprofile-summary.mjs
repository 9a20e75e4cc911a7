// Summarises V8 .cpuprofile files (from `npm run bench:http -- --profile DIR`): where the samples
// of the load window went, by component (µs per request), by self time and by inclusive time.
// Frames in Next.js's server chunks are mapped back to their sources through the build's source
// maps, so bundled code (the app's lib/, jose, zod, Auth.js, the generated Prisma client) is named.
//   node scripts/cpuprofile-summary.mjs DIR/<target> [--top 25] [--match text …] [--all]
//   node scripts/cpuprofile-summary.mjs --compare DIR/baseline DIR/session …   (components only)
// With a meta.json beside a profile (written by bench:http), only the samples taken while the load
// ran count (start-up, warm-up and shutdown are left out); --all counts every sample.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const TOP = Number(option("top", 25));
const MATCH = args.flatMap((arg, i) => (arg === "--match" ? [args[i + 1]] : []));
const valued = new Set(["--top", "--match"]);
const targets = args.filter((arg, i) => !arg.startsWith("--") && !valued.has(args[i - 1]));
if (targets.length === 0)
  throw new Error(
    "usage: cpuprofile-summary.mjs [--compare] DIR|FILE.cpuprofile … [--top N] [--match text]",
  );

// ---------------------------------------------------------------------------------------------
// Source maps of the server chunks (plain or indexed with sections), loaded once per file.

const maps = new Map();
function mapFor(file) {
  if (maps.has(file)) return maps.get(file);
  let map = null;
  if (existsSync(`${file}.map`)) {
    const payload = JSON.parse(readFileSync(`${file}.map`, "utf8"));
    map = payload.sections
      ? {
          sections: payload.sections.map((section) => ({
            line: section.offset.line,
            column: section.offset.column,
            map: new SourceMap(section.map),
          })),
        }
      : { sections: [{ line: 0, column: 0, map: new SourceMap(payload) }] };
  }
  maps.set(file, map);
  return map;
}

/** The original source and line of a frame in a chunk with a source map, if there is one. */
function original(frame) {
  if (!frame.url.startsWith("file://") || !frame.url.includes("/.next/")) return null;
  const map = mapFor(fileURLToPath(frame.url));
  if (!map) return null;
  const { lineNumber: line, columnNumber: column } = frame;
  let section = null;
  for (const candidate of map.sections)
    if (candidate.line < line || (candidate.line === line && candidate.column <= column))
      section = candidate;
  if (!section) return null;
  const entry = section.map.findEntry(
    line - section.line,
    line === section.line ? column - section.column : column,
  );
  if (!entry?.originalSource) return null;
  const source = decodeURIComponent(entry.originalSource)
    .replace(/^turbopack:\/\/\/?/, "")
    .replace(/^\[project\]\//, "")
    .replace(/^(\.\.\/)+/, "");
  return { source, line: entry.originalLine + 1 };
}

/** Where a frame's code lives, short: a package path, the app's own path, or node:… */
function where(frame) {
  const mapped = original(frame);
  const url = mapped ? mapped.source : frame.url.replace(/^file:\/\//, "");
  const line = mapped ? mapped.line : frame.lineNumber + 1;
  if (!url) return { url: "", at: "" };
  if (url.startsWith("wasm://")) return { url, at: url };
  const nm = url.lastIndexOf("node_modules/");
  let short = url;
  if (nm >= 0) short = url.slice(nm + "node_modules/".length);
  else if (url.includes("/.next/")) short = url.slice(url.indexOf("/.next/") + 1);
  else if (url.startsWith("/")) short = path.relative(process.cwd(), url);
  return { url: short, at: `${short}:${line}` };
}

// ---------------------------------------------------------------------------------------------
// Components: for each sample, the first frame from the leaf that is not Node.js itself names it
// (so a crypto call made by jose counts for jose, a socket write made by Next.js for Next.js).

const COMPONENTS = [
  ["SQLite driver (libsql, @libsql/client)", (u) => /^(libsql|@libsql)\//.test(u)],
  [
    "Prisma adapter (@prisma/adapter-libsql + async-mutex, lib/sqlite.ts)",
    (u) => /^@prisma\/adapter-libsql|^async-mutex|^lib\/sqlite\.ts/.test(u),
  ],
  [
    "Prisma client (runtime, query compiler wasm, generated client)",
    (u) =>
      /^@prisma\/(client|debug|client-runtime-utils)|^lib\/generated\/prisma|^wasm:\/\//.test(u),
  ],
  ["Auth.js (@auth/core, next-auth, @auth/prisma-adapter)", (u) => /^@auth\/|^next-auth\//.test(u)],
  ["jose", (u) => /^jose\//.test(u)],
  ["iron-session / iron-webcrypto", (u) => /^(iron-session|iron-webcrypto|uncrypto)\//.test(u)],
  ["zod", (u) => /^zod\//.test(u)],
  [
    "ioredis",
    (u) =>
      /^(ioredis|redis-parser|redis-errors|denque|cluster-key-slot|standard-as-callback)\//.test(u),
  ],
  [
    "app code (lib/, app/)",
    (u) => /^(lib|app)\//.test(u) || /^(instrumentation|proxy)\.ts/.test(u),
  ],
  ["React", (u) => /^react(-dom)?\//.test(u)],
  [
    "Next.js (server, router, route runtime, turbopack runtime)",
    (u) =>
      /^next\//.test(u) || /^\.next\//.test(u) || /^@next\//.test(u) || /^\[turbopack\]/.test(u),
  ],
];
const NODE = "Node.js only (HTTP, streams, microtasks; no library frame on the stack)";

function componentOf(stack) {
  for (const frame of stack) {
    const { url } = where(frame);
    if (!url || url.startsWith("node:")) continue;
    for (const [name, test] of COMPONENTS) if (test(url)) return name;
    return `other: ${url.split("/").slice(0, 2).join("/")}`;
  }
  const leaf = stack[0]?.functionName ?? "";
  if (leaf === "(garbage collector)") return "garbage collector";
  if (leaf.startsWith("(")) return leaf; // (program)
  return NODE;
}

// ---------------------------------------------------------------------------------------------

function summarise(target) {
  const file = target.endsWith(".cpuprofile")
    ? target
    : path.join(
        target,
        readdirSync(target).find((name) => name.endsWith(".cpuprofile")),
      );
  const dir = path.dirname(file);
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const meta = existsSync(path.join(dir, "meta.json"))
    ? JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8"))
    : null;

  // Sample times (µs on the profile's clock). The load ended `stoppedAfterMs` before the profile
  // did and lasted `loadSeconds`; half a second is trimmed on each side.
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  let from = profile.startTime;
  let to = profile.endTime;
  if (meta && !args.includes("--all")) {
    to = profile.endTime - meta.stoppedAfterMs * 1000 - 500_000;
    from = to - meta.loadSeconds * 1_000_000 + 1_000_000;
  }

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const stacks = new Map();
  const stackOf = (id) => {
    let stack = stacks.get(id);
    if (stack) return stack;
    stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (frame.functionName !== "(root)") stack.push(frame);
    }
    stacks.set(id, stack);
    return stack;
  };
  const keys = new Map();
  const keyOf = (frame) => {
    const id = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${frame.functionName}`;
    let key = keys.get(id);
    if (!key)
      keys.set(id, (key = `${frame.functionName || "(anonymous)"} ${where(frame).at}`.trim()));
    return key;
  };

  const self = new Map();
  const inclusive = new Map();
  const components = new Map();
  const matched = new Map(MATCH.map((m) => [m, 0]));
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from || times[i] > to) return;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const stack = stackOf(id);
    if (stack[0]?.functionName === "(idle)") {
      idle += delta;
      return;
    }
    busy += delta;
    const leafKey = keyOf(stack[0]);
    self.set(leafKey, (self.get(leafKey) ?? 0) + delta);
    const seen = new Set(stack.map(keyOf));
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    const component = componentOf(stack);
    components.set(component, (components.get(component) ?? 0) + delta);
    for (const m of MATCH)
      if ([...seen].some((key) => key.includes(m))) matched.set(m, matched.get(m) + delta);
  });
  const seconds = (to - from) / 1e6;
  const requests = meta?.result ? meta.result.rps * seconds : null;
  return { file, meta, busy, idle, seconds, requests, self, inclusive, components, matched };
}

const us = (summary, value) =>
  summary.requests ? `${(value / summary.requests).toFixed(0)} µs` : "–";
const pct = (summary, value) => `${((100 * value) / summary.busy).toFixed(1)}%`;

if (args.includes("--diff")) {
  // What the second profile spends per request beyond the first, frame by frame (self and inclusive).
  const [a, b] = targets.map(summarise);
  for (const kind of ["self", "inclusive"]) {
    const rows = new Map();
    for (const [key, n] of b[kind]) rows.set(key, n / b.requests);
    for (const [key, n] of a[kind]) rows.set(key, (rows.get(key) ?? 0) - n / a.requests);
    console.log(
      `\n#### ${kind}: µs per request, ${b.meta?.target ?? targets[1]} minus ${a.meta?.target ?? targets[0]}\n`,
    );
    console.log("| Δ per request | frame |\n| ---: | --- |");
    for (const [key, d] of [...rows].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1])).slice(0, TOP))
      console.log(`| ${d >= 0 ? "+" : ""}${d.toFixed(0)} µs | \`${key.replace(/\|/g, "\\|")}\` |`);
  }
} else if (args.includes("--compare")) {
  const summaries = targets.map(summarise);
  const names = [...new Set(summaries.flatMap((s) => [...s.components.keys()]))].sort(
    (a, b) =>
      Math.max(...summaries.map((s) => (s.components.get(b) ?? 0) / (s.requests ?? 1))) -
      Math.max(...summaries.map((s) => (s.components.get(a) ?? 0) / (s.requests ?? 1))),
  );
  const label = (s) => s.meta?.target ?? path.basename(path.dirname(s.file));
  console.log(`| CPU µs per request | ${summaries.map(label).join(" | ")} |`);
  console.log(`| --- | ${summaries.map(() => "---:").join(" | ")} |`);
  console.log(
    `| req/s under the profiler | ${summaries.map((s) => s.meta?.result?.rps.toFixed(0) ?? "–").join(" | ")} |`,
  );
  console.log(`| **busy, total** | ${summaries.map((s) => `**${us(s, s.busy)}**`).join(" | ")} |`);
  for (const name of names)
    console.log(
      `| ${name} | ${summaries.map((s) => us(s, s.components.get(name) ?? 0)).join(" | ")} |`,
    );
  for (const m of MATCH)
    console.log(
      `| stacks containing \`${m}\` | ${summaries.map((s) => us(s, s.matched.get(m) ?? 0)).join(" | ")} |`,
    );
} else {
  for (const target of targets) {
    const s = summarise(target);
    console.log(
      `${s.file}\nwindow ${s.seconds.toFixed(1)} s, ${((100 * s.busy) / (s.busy + s.idle)).toFixed(0)}% busy` +
        (s.requests
          ? `; ${s.meta.result.rps.toFixed(0)} req/s under the profiler → ${us(s, s.busy)} busy CPU per request`
          : ""),
    );
    const print = (title, map, limit = TOP) => {
      console.log(
        `\n#### ${title}\n\n| share of busy time | per request | frame |\n| ---: | ---: | --- |`,
      );
      for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit))
        console.log(`| ${pct(s, n)} | ${us(s, n)} | \`${key.replace(/\|/g, "\\|")}\` |`);
    };
    print("By component (nearest non-Node frame from the leaf)", s.components, 30);
    if (MATCH.length > 0) print("Inclusive: stacks containing…", s.matched, 50);
    print("Self time", s.self);
    print("Inclusive time", s.inclusive);
  }
}
