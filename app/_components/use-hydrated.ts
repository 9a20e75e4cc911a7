import { useSyncExternalStore } from "react";

// False in the server's HTML and until React has hydrated this component, then true. Buttons
// that only work through JavaScript stay disabled until then, so an early click is never lost.

const noSubscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
