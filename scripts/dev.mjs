// `npm run dev`: set up on first run, then start Next.js (later: the local identity provider too).
import { setup } from "./setup.mjs";
import { bin, run } from "./run.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await setup();
await run(bin("next"), ["dev", ...process.argv.slice(2)]);
