// Runs once when a server process starts; the Node.js half is instrumentation-node.ts (a
// long-running server's background checks and purge timer; nothing on Vercel).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./instrumentation-node");
    await startNodeServer();
  }
}
