import { readdirSync } from "node:fs";
import type { NextConfig } from "next";
import { parseEnv } from "./lib/env-rules";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/security-headers";

// On Vercel the deployment's settings are there at build time: a deployment that would only answer
// 503s (lib/refusal.ts) fails its build instead, with the same sentence naming what is missing.
if (process.env.VERCEL === "1") parseEnv({ ...process.env, NODE_ENV: "production" });

// The server refuses to start on a database that hasn't applied every one of these (lib/startup.ts).
const migrations = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const nextConfig = {
  poweredByHeader: false,
  env: { AUTH_LAB_MIGRATIONS: migrations.join(",") },
  reactStrictMode: true,
  typedRoutes: true,
  // Native and WASM-backed packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "@libsql/client", "@prisma/adapter-libsql", "libsql"],
  experimental: {
    // A cold server loads the modules of the route it is asked for, not of every route first: how
    // a Vercel function starts (it serves its own routes only), and the first answer of `next start`
    // within reach of a bare app's. Each other route pays its own load once, on its first request.
    preloadEntriesOnStart: false,
    // Room for a 1 MB password so the policy can refuse it with a field message, not a crash.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async rewrites() {
    return [{ source: "/.well-known/jwks.json", destination: "/api/jwt/jwks" }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders() },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
      {
        // Rewritten to /api/jwt/jwks, but headers match the path the browser asked for.
        source: "/.well-known/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
} satisfies NextConfig;

export default nextConfig;
