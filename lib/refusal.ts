import { EnvironmentError, parseEnv } from "./env-rules";

// Why this deployment can't serve, in the sentence that names what to fix, or null. A refused
// environment is never a crash loop (on Vercel, process.exit in a cold start is every visitor's
// FUNCTION_INVOCATION_FAILED, and the sentence only in the logs): pages answer a 503 page with it
// (proxy.ts), route handlers a 503 in the standard JSON shape (lib/http/route-errors.ts).
// The environment is checked once per process; a problem a long-running server found at start
// (migrations not applied: instrumentation-node.ts) is added here by refuse().

const state = globalThis as typeof globalThis & {
  authLabEnvironment?: { problem: string | null };
  authLabStartupProblem?: string;
};

function environmentProblem(): string | null {
  state.authLabEnvironment ??= {
    problem: (() => {
      try {
        parseEnv(process.env);
        return null;
      } catch (error) {
        return error instanceof EnvironmentError ? error.message : "The environment is invalid.";
      }
    })(),
  };
  return state.authLabEnvironment.problem;
}

export function refusal(): string | null {
  return environmentProblem() ?? state.authLabStartupProblem ?? null;
}

/** A problem found at start that no request can get past (the database's migrations). */
export function refuse(problem: string): void {
  state.authLabStartupProblem = problem;
}
