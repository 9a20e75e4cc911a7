import { useSyncExternalStore } from "react";

// What the lab's expiry experiment needs from the header's TokenKeeper: a switch that pauses it,
// so a visitor can watch an access token actually expire, and a count of the refreshes it made.
// Module state: one tab, one keeper (another open tab keeps its own keeper running, and rotates
// the same cookies). Nothing is persisted; a reload starts with silent refresh on.

let paused = false;
let refreshes = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSilentRefreshPaused(value: boolean): void {
  if (paused === value) return;
  paused = value;
  notify();
}

export function useSilentRefreshPaused(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => paused,
    () => false,
  );
}

/** The keeper calls this after each refresh the server accepted. */
export function countSilentRefresh(): void {
  refreshes += 1;
  notify();
}

export function useSilentRefreshCount(): number {
  return useSyncExternalStore(
    subscribe,
    () => refreshes,
    () => 0,
  );
}
