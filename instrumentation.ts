// Runs once when a server starts: a missing or weak setting, a signing key that can't sign, or a
// database without its migrations stops it here, with a sentence naming what to fix, instead of
// failing on the first sign-in (instrumentation-node.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./instrumentation-node");
    await startNodeServer();
  }
}
