// The Node.js half of instrumentation.ts, in a module of its own so that the Edge build of
// instrumentation.ts never sees process.exit (Next.js warns about it on every dev start).

export async function startNodeServer(): Promise<void> {
  const { startupProblems } = await import("./lib/startup");
  let problems: string[];
  try {
    problems = await startupProblems();
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  const { startPurging } = await import("./lib/purge");
  startPurging();
}
