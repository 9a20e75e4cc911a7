// `npm run dev`: set up on first run, then start the local identity provider and Next.js together;
// stopping one stops the other.
import { spawn } from "node:child_process";
import { setup } from "./setup.mjs";
import { bin } from "./run.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await setup();

const children = [
  spawn(bin("tsx"), ["scripts/idp/server.ts"], { stdio: "inherit" }),
  spawn(bin("next"), ["dev", ...process.argv.slice(2)], { stdio: "inherit" }),
];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
};
for (const child of children) child.on("exit", (code) => stopAll(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));
