import { describe, expect, it } from "vitest";
import { generateSecrets } from "../scripts/dev-secrets.mjs";
import { parseEnv } from "./env-rules";

// Production refuses every development fallback, with a sentence naming the variable.

const secrets = generateSecrets();
const production = {
  ...secrets,
  NODE_ENV: "production",
  APP_URL: "https://authlab.example.org",
  AUTH_GOOGLE_ID: "google-client",
  AUTH_GOOGLE_SECRET: "google-secret",
  AUTH_GITHUB_ID: "github-client",
  AUTH_GITHUB_SECRET: "github-secret",
  CLIENT_IP_SOURCE: "proxy",
};

const problem = (source: Record<string, string | undefined>) => {
  try {
    parseEnv(source);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("parseEnv in production", () => {
  it("accepts a complete production environment", () => {
    expect(problem(production)).toBeNull();
  });

  it.each([
    ["a missing APP_URL", { APP_URL: undefined }, /APP_URL is missing/],
    [
      "an http APP_URL off localhost",
      { APP_URL: "http://authlab.example.org" },
      /APP_URL must be https/,
    ],
    [
      "half the GitHub credentials",
      { AUTH_GITHUB_SECRET: undefined },
      /AUTH_GITHUB_ID and AUTH_GITHUB_SECRET go together/,
    ],
    [
      "the .env.example AUTH_SECRET",
      { AUTH_SECRET: "replace-with-32-or-more-random-characters" },
      /AUTH_SECRET is a placeholder/,
    ],
    ["a repetitive AUTH_SECRET", { AUTH_SECRET: "a".repeat(40) }, /AUTH_SECRET is a placeholder/],
    [
      "the .env.example session password",
      { SESSION_PASSWORDS: '{"1":"replace-with-32-or-more-random-characters"}' },
      /SESSION_PASSWORDS is invalid: a password is a placeholder/,
    ],
    [
      "the .env.example JWT key",
      { JWT_PRIVATE_KEYS: '[{"kty":"EC","crv":"P-256","x":"…","y":"…","d":"…","kid":"2026-11"}]' },
      /JWT_PRIVATE_KEYS is invalid/,
    ],
    ["a missing AUTH_SECRET", { AUTH_SECRET: undefined }, /AUTH_SECRET is missing/],
    [
      "no word on where a client's address comes from",
      { CLIENT_IP_SOURCE: undefined },
      /CLIENT_IP_SOURCE is missing/,
    ],
    [
      "the connection's address without the server that records it",
      { CLIENT_IP_SOURCE: "socket" },
      /CLIENT_IP_SOURCE=socket needs `npm start`/,
    ],
  ])("refuses %s, naming it", (_what, change, message) => {
    expect(problem({ ...production, ...change })).toMatch(message);
  });

  it("knows where a client's address comes from on Vercel, or from a recording server", () => {
    expect(problem({ ...production, CLIENT_IP_SOURCE: undefined, VERCEL: "1" })).toBeNull();
    expect(
      problem({ ...production, CLIENT_IP_SOURCE: "socket", AUTH_LAB_SOCKET_ADDRESS: "recorded" }),
    ).toBeNull();
  });

  it("refuses zero trusted proxies: the address would be one the client wrote", () => {
    expect(problem({ ...production, TRUSTED_PROXY_HOPS: "0" })).toMatch(
      /expected number to be >=1/,
    );
    expect(problem({ ...production, TRUSTED_PROXY_HOPS: "2" })).toBeNull();
  });

  it("starts with no provider credentials (OAuth is then off), or one provider only", () => {
    const none = {
      ...production,
      AUTH_GOOGLE_ID: undefined,
      AUTH_GOOGLE_SECRET: undefined,
      AUTH_GITHUB_ID: undefined,
      AUTH_GITHUB_SECRET: undefined,
    };
    expect(problem(none)).toBeNull();
    expect(problem({ ...none, AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" })).toBeNull();
  });

  it("takes the local identity provider only where the deployment can reach it", () => {
    const local = { ...production, OAUTH_ALLOW_LOCAL_IDP: "true" };
    expect(problem(local)).toMatch(/OAUTH_LOCAL_IDP_URL to be an identity provider/);
    expect(
      problem({ ...local, OAUTH_LOCAL_IDP_URL: "https://idp.authlab.example.org" }),
    ).toBeNull();
    // A production build run on this machine (the e2e servers) may use the one on loopback.
    expect(problem({ ...local, APP_URL: "http://localhost:3000" })).toBeNull();
  });

  it("refuses a signing key whose private part is not the public one's", () => {
    const [key] = JSON.parse(secrets.JWT_PRIVATE_KEYS) as { x: string; d: string }[];
    const [other] = JSON.parse(generateSecrets().JWT_PRIVATE_KEYS) as { x: string; d: string }[];
    for (const mixed of [
      { ...key, x: other!.x },
      { ...key, d: other!.d },
    ])
      expect(problem({ ...production, JWT_PRIVATE_KEYS: JSON.stringify([mixed]) })).toMatch(
        /d is not the private key of x and y/,
      );
  });

  it("on Vercel, takes the address from Vercel's own variables when APP_URL is unset", () => {
    const vercel = { ...production, APP_URL: undefined, VERCEL: "1", CLIENT_IP_SOURCE: undefined };
    const preview = { ...vercel, VERCEL_ENV: "preview", VERCEL_URL: "auth-lab-abc123.vercel.app" };
    expect(parseEnv(preview).APP_URL).toBe("https://auth-lab-abc123.vercel.app");
    const live = {
      ...vercel,
      VERCEL_ENV: "production",
      VERCEL_URL: "auth-lab-abc123.vercel.app",
      VERCEL_PROJECT_PRODUCTION_URL: "authlab.example.org",
    };
    expect(parseEnv(live).APP_URL).toBe("https://authlab.example.org");
    expect(parseEnv({ ...live, APP_URL: "https://set.example.org" }).APP_URL).toBe(
      "https://set.example.org",
    );
    expect(problem(vercel)).toMatch(/APP_URL is missing/);
  });

  it("lets development keep its fallbacks", () => {
    expect(problem({ ...secrets, NODE_ENV: "development" })).toBeNull();
  });
});
