import "server-only";
import { type Env, parseEnv } from "./env-rules";

// Everything on the server reads its settings through getEnv(): parsed once, on first use, so
// `next build` can collect pages without production secrets. The rules are lib/env-rules.ts; a
// deployment that breaks them answers 503 with the sentence (lib/refusal.ts), never a crash loop.

export type { Env };

let parsed: Env | undefined;

export function getEnv(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** Are demo people offered (DEMO_SIGN_IN, or by default outside production)? */
export function demoSignInOn(): boolean {
  const env = getEnv();
  return (env.DEMO_SIGN_IN ?? (env.NODE_ENV === "production" ? "off" : "on")) === "on";
}

/** Is the lab's key-rotation experiment on (LAB_KEY_ROTATION, or by default outside production)? */
export function labKeyRotationOn(): boolean {
  const env = getEnv();
  return (env.LAB_KEY_ROTATION ?? (env.NODE_ENV === "production" ? "off" : "on")) === "on";
}

/** True when the app is served over HTTPS: cookies get Secure and __Host-/__Secure- names. */
export function isHttps(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}
