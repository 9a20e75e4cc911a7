// Runs once when a server starts: a missing or weak setting, a signing key that can't sign, or a
// database without its migrations stops it here, with a sentence naming what to fix, instead of
// failing on the first sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
