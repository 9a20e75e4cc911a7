// Keeps `npm ci` working on machines whose npm registry mirror serves only this platform's
// binaries. npm records a package's optional platform builds (@next/swc-darwin-arm64, …) in the
// lock file; when the mirror answers 404 for them, `npm install` leaves them out, and `npm ci`
// then refuses the lock as "out of sync". This adds the missing ones back as optional entries
// with the os/cpu their names declare, which is what npm writes with a full registry: every
// platform skips the builds that aren't its own. Run by `postinstall`; idempotent.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = "package-lock.json";
const OSES = [
  "darwin",
  "linux",
  "win32",
  "android",
  "freebsd",
  "openbsd",
  "netbsd",
  "sunos",
  "aix",
];
const CPUS = {
  arm64: "arm64",
  aarch64: "arm64",
  x64: "x64",
  ia32: "ia32",
  arm: "arm",
  ppc64: "ppc64",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loong64",
  wasm32: "wasm32",
};

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OSES.filter((candidate) => parts.includes(candidate));
  const cpu = [
    ...new Set(parts.map((part) => CPUS[part.replace(/eabihf|gnueabihf/, "")]).filter(Boolean)),
  ];
  const libc = parts.includes("musl") ? ["musl"] : parts.includes("gnu") ? ["glibc"] : [];
  return {
    ...(os.length ? { os } : {}),
    ...(cpu.length ? { cpu } : {}),
    ...(libc.length ? { libc } : {}),
  };
}

if (existsSync(FILE)) {
  const lock = JSON.parse(readFileSync(FILE, "utf8"));
  const packages = lock.packages ?? {};
  let added = 0;
  for (const [path, meta] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
      if (packages[nested] || packages[`node_modules/${name}`]) continue;
      packages[`node_modules/${name}`] = {
        version: range.replace(/^[\^~=]/, ""),
        optional: true,
        ...platformOf(name),
      };
      added++;
    }
  }
  if (added > 0) {
    writeFileSync(FILE, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(
      `complete-lockfile: recorded ${added} optional platform builds this registry doesn't serve`,
    );
  }
}
