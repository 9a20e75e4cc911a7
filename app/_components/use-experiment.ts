"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { resultKey, resultSchema, saveInTab, useSavedResult } from "./saved-results";
import { recordTourExperiment } from "./tour";

// Runs an experiment (a POST that answers with an ExperimentResult), keeps its last result across
// reloads (this tab's storage), and moves focus to the result when a run brings one.

export function useExperiment(name: string, endpoint: string) {
  const result = useSavedResult(name);
  const [freshAt, setFreshAt] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "running" | "failed">("idle");
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
    const parsed = resultSchema.safeParse(await response?.json().catch(() => null));
    if (!response?.ok || !parsed.success) {
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
  return { result, restored, state, run, focusTarget };
}
