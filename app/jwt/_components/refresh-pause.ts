import { useSyncExternalStore } from "react";

// A switch the lab's expiry experiment uses to stop the header's TokenKeeper, so a visitor can
// watch an access token actually expire. Module state: one browser tab, one keeper. Nothing is
// persisted; a reload always starts with silent refresh on.

let paused = false;
const listeners = new Set<() => void>();

export function setSilentRefreshPaused(value: boolean): void {
  if (paused === value) return;
  paused = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSilentRefreshPaused(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => paused,
    () => false,
  );
}
