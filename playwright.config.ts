import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Playwright's own Chromium when it has been downloaded (that needs internet, see README);
// otherwise the system one (Debian: `apt-get install chromium`), or CHROMIUM_PATH.
const bundled = chromium.executablePath();
const executablePath = existsSync(bundled)
  ? undefined
  : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

export const PORTS = { main: 3100, shortLived: 3101, idp: 9401 } as const;
const IDP_URL = `http://127.0.0.1:${PORTS.idp}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"]],
  use: {
    baseURL: `http://localhost:${PORTS.main}`,
    trace: "retain-on-failure",
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
        IDP_APP_ORIGINS: `http://localhost:${PORTS.main},http://localhost:${PORTS.shortLived}`,
      },
      url: `${IDP_URL}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Default lifetimes; the lab's expiry experiment shortens one visitor's to seconds.
      command: `node scripts/e2e-server.mjs ${PORTS.main} OAUTH_LOCAL_IDP_URL=${IDP_URL} LAB_SESSION_IDLE_SECONDS=3 LAB_ACCESS_TTL_SECONDS=4`,
      url: `http://localhost:${PORTS.main}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Same build, lifetimes in seconds (the expiry specs watch credentials die without sleeping
      // for minutes), and proxy.ts's redirects off (pages must refuse strangers on their own).
      command: `node scripts/e2e-server.mjs ${PORTS.shortLived} SESSION_IDLE_TIMEOUT_SECONDS=3 SESSION_ABSOLUTE_LIFETIME_SECONDS=8 JWT_ACCESS_TTL_SECONDS=4 OAUTH_LOCAL_IDP_URL=${IDP_URL} PROXY_REDIRECTS=off`,
      url: `http://localhost:${PORTS.shortLived}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
