// Runs once when a server starts: a missing or weak secret stops it here, with a sentence naming
// the variable, instead of failing on the first sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  getEnv();
}
