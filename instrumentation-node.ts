// The Node.js half of instrumentation.ts. On a long-running server (`npm start`, `next start`, the
// cluster) it checks, once and in the background, that the database has applied every migration
// (else every request answers 503 with the command to run: lib/refusal.ts), and purges expired
// rows on a timer. On Vercel it does nothing: each function's cold start does only what its
// request needs, migrations run in the build (vercel.json), and a cron calls /api/cron/purge.
// Nothing here exits the process: a misconfigured deployment answers 503 pages that say why.

const BACKGROUND_DELAY_MS = 1_000;

export async function startNodeServer(): Promise<void> {
  if (process.env.VERCEL === "1") return;
  // A moment after the server is up: the first requests of a cold server don't share the CPU with
  // the database client's first load (a request that needs the database loads it itself).
  setTimeout(() => void checkAndPurge(), BACKGROUND_DELAY_MS).unref();
}

async function checkAndPurge(): Promise<void> {
  const { refusal, refuse } = await import("./lib/refusal");
  if (refusal()) {
    console.error(refusal());
    return;
  }
  const { migrationProblem } = await import("./lib/startup");
  void migrationProblem().then(
    (problem) => {
      if (problem) {
        refuse(problem);
        console.error(problem);
      }
    },
    (error: unknown) =>
      console.error(
        "could not check the migrations:",
        error instanceof Error ? error.message : "unknown error",
      ),
  );
  const { startPurging } = await import("./lib/purge");
  startPurging();
}
