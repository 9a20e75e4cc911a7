"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import * as z from "zod/mini";
import { resultKey, resultSchema, saveInTab, useSavedResult } from "./saved-results";
import { recordTourExperiment } from "./tour";

/** The app's standard error shape (a 429 over budget, a 503 when busy): its message is the cause. */
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

// Runs an experiment (a POST that answers with an ExperimentResult), keeps its last result across
// reloads (this tab's storage), and moves focus to the result when a run brings one.

export function useExperiment(name: string, endpoint: string) {
  const result = useSavedResult(name);
  const [freshAt, setFreshAt] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "running" | "failed">("idle");
  /** Why the last run brought no result, in words: the server's own message when it sent one. */
  const [failure, setFailure] = useState<string | null>(null);
  const focusTarget = useRef<HTMLDivElement>(null);
  const justRan = useRef(false);

  useEffect(() => {
    if (result && justRan.current) {
      justRan.current = false;
      focusTarget.current?.focus();
    }
  }, [result]);

  const run = useCallback(async () => {
    setState("running");
    const response = await fetch(endpoint, { method: "POST" }).catch(() => null);
    const body: unknown = await response?.json().catch(() => null);
    const parsed = resultSchema.safeParse(body);
    if (!response?.ok || !parsed.success) {
      const refused = errorBody.safeParse(body);
      setFailure(
        !response
          ? "The server could not be reached: check your connection, then run it again."
          : refused.success
            ? refused.data.error.message
            : `The server answered ${response.status} without a result: run it again; if it keeps failing, the server's log says why.`,
      );
      setState("failed");
      return null;
    }
    justRan.current = true;
    setFreshAt(parsed.data.ranAt);
    saveInTab(resultKey(name), JSON.stringify(parsed.data));
    recordTourExperiment(name);
    setState("idle");
    return parsed.data;
  }, [endpoint, name]);

  const restored = result !== null && result.ranAt !== freshAt;
  return { result, restored, state, failure, run, focusTarget };
}
