// @ts-check
// Plain JavaScript on purpose: `next start` transpiles a next.config.ts with SWC before it serves
// anything (~200 ms of every cold start here). What needs the app's TypeScript (the environment's
// rules, the security headers) is loaded through tsx only while building or in development:
// `next start` takes headers and rewrites from the build's routes manifest and never calls them.
import { readdirSync } from "node:fs";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";

/** @param {string} file a module of the app, relative to this file */
async function appModule(file) {
  const { tsImport } = await import("tsx/esm/api");
  return tsImport(file, import.meta.url);
}

/** @type {(phase: string) => Promise<import("next").NextConfig>} */
export default async function nextConfig(phase) {
  // On Vercel the deployment's settings are there at build time: a deployment that would only
  // answer 503s (lib/refusal.ts) fails its build instead, with the same sentence naming what is
  // missing.
  if (phase === PHASE_PRODUCTION_BUILD && process.env.VERCEL === "1") {
    const { parseEnv } = await appModule("./lib/env-rules.ts");
    parseEnv({ ...process.env, NODE_ENV: "production" });
  }
  const compiling = phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER;

  // The server refuses to start on a database that hasn't applied every one of these
  // (lib/startup.ts); the list is inlined into the build.
  const migrations = compiling
    ? readdirSync("prisma/migrations", { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

  return {
    poweredByHeader: false,
    ...(compiling ? { env: { AUTH_LAB_MIGRATIONS: migrations.join(",") } } : {}),
    reactStrictMode: true,
    typedRoutes: true,
    // Native and WASM-backed packages load from node_modules at run time instead of being bundled.
    serverExternalPackages: [
      "@node-rs/argon2",
      "@libsql/client",
      "@prisma/adapter-libsql",
      "libsql",
      "zod",
    ],
    experimental: {
      // A cold server loads the modules of the route it is asked for, not of every route first:
      // how a Vercel function starts (it serves its own routes only), and the first answer of
      // `next start` within reach of a bare app's. Each other route pays its load once.
      preloadEntriesOnStart: false,
      // Room for a 1 MB password so the policy can refuse it with a field message, not a crash.
      serverActions: { bodySizeLimit: "2mb" },
    },
    async rewrites() {
      return [{ source: "/.well-known/jwks.json", destination: "/api/jwt/jwks" }];
    },
    async headers() {
      const { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } = await appModule(
        "./lib/security-headers.ts",
      );
      const apiPolicy = [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }];
      return [
        { source: "/:path*", headers: staticSecurityHeaders() },
        { source: "/api/:path*", headers: apiPolicy },
        // Rewritten to /api/jwt/jwks, but headers match the path the browser asked for.
        { source: "/.well-known/:path*", headers: apiPolicy },
      ];
    },
  };
}
