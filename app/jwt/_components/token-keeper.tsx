"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { JWT_REFRESH_PATH } from "@/lib/auth/names";
import { countSilentRefresh, useSilentRefreshPaused } from "./keeper-controls";

// Keeps the JWT pair fresh so the person never notices expiry. Rendered once, in the header, for
// every page: it refreshes (a POST; the refresh cookie is only ever sent there) when most of the
// access token's life has passed, or at once when the server found it already expired, then
// re-renders the page, which now sees the new cookie, or sees that the person is signed out.

/** Refresh when this share of the lifetime has passed, and at most a minute before expiry. */
const LIFETIME_SHARE = 0.8;
const MAX_LEAD_MS = 60_000;

type Props = { issuedAt?: number; expiresAt?: number; expired?: boolean };

export function TokenKeeper({ issuedAt, expiresAt, expired = false }: Props) {
  const router = useRouter();
  // The lab can pause it to show expiry; resuming refreshes at once if the token died meanwhile.
  const paused = useSilentRefreshPaused();

  useEffect(() => {
    if (paused) return;
    let cancelled = false;
    const refresh = async () => {
      const response = await fetch(JWT_REFRESH_PATH, {
        method: "POST",
        credentials: "same-origin",
      }).catch(() => null);
      // A network failure leaves things as they are; anything else (new cookies, another tab's
      // rotation with 409, or cleared cookies after a refusal) shows on a fresh render. (Paused
      // mid-flight, the render waits for the next one.)
      if (response?.ok) countSilentRefresh();
      if (!cancelled && response) router.refresh();
    };
    if (expired) {
      void refresh();
      return () => {
        cancelled = true;
      };
    }
    if (!issuedAt || !expiresAt) return;
    const lifetimeMs = (expiresAt - issuedAt) * 1000;
    const lead = Math.min(MAX_LEAD_MS, lifetimeMs * (1 - LIFETIME_SHARE));
    const timer = window.setTimeout(
      () => void refresh(),
      Math.max(0, expiresAt * 1000 - lead - Date.now()),
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [issuedAt, expiresAt, expired, paused, router]);

  return null;
}
