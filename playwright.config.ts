import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import {
  asArguments,
  CLUSTER_URL,
  IDP_URL,
  MAIN_SETTINGS,
  MAIN_URL,
  PORTS,
  RECENT_PROOF_SETTINGS,
  RECENT_PROOF_URL,
  SHORT_LIVED_SETTINGS,
  SHORT_LIVED_URL,
} from "./e2e/support/servers";

// Playwright's own Chromium when it has been downloaded (that needs internet, see README);
// otherwise CHROMIUM_PATH, or the system one (Debian): its headless shell when installed
// (`apt-get install chromium-headless-shell`, a third less CPU than the full browser), else
// `chromium` itself.
const bundled = chromium.executablePath();
const SYSTEM_CHROMIUMS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const executablePath = existsSync(bundled)
  ? undefined
  : (process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUMS.find(existsSync) ?? SYSTEM_CHROMIUMS[1]);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"]],
  use: {
    baseURL: MAIN_URL,
    // A failed test keeps its trace (every action and assertion with its call log, the network,
    // the console) and a screenshot of where it stopped. Without the screencast and the DOM
    // snapshots: recording them for every test, only to throw them away when it passes, cost a
    // third of the test time on a busy two-core runner (a snapshot of the lab's large page for
    // each assertion). For a full trace of a failure: `npx playwright test --trace on <spec>`.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      // The machines this runs on have no internet: keep Chromium from calling home.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // The local identity provider, playing Google and GitHub for both app servers.
      command: `node_modules/.bin/tsx scripts/idp/server.ts`,
      env: {
        IDP_PORT: String(PORTS.idp),
        IDP_APP_ORIGINS: [MAIN_URL, SHORT_LIVED_URL, RECENT_PROOF_URL, CLUSTER_URL].join(","),
      },
      url: `${IDP_URL}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The main server's Redis, on a loopback port, saving nothing.
      command: `node scripts/redis-server.mjs ${PORTS.redis}`,
      port: PORTS.redis,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${PORTS.main} ${asArguments(MAIN_SETTINGS)}`,
      url: `${MAIN_URL}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${PORTS.shortLived} ${asArguments(SHORT_LIVED_SETTINGS)}`,
      url: `${SHORT_LIVED_URL}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${PORTS.recentProof} ${asArguments(RECENT_PROOF_SETTINGS)}`,
      url: `${RECENT_PROOF_URL}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // `npm run cluster` for the Scaling experiment; its two instances start when first asked.
      command: `node scripts/cluster.mjs --port ${PORTS.cluster} --idp ${IDP_URL} --database temp --lazy`,
      // The control port answers 403 without its token: up, and nothing started yet.
      url: `http://127.0.0.1:${PORTS.cluster + 99}/status`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
