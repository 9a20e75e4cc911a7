"use client";

import { useEffect, useState } from "react";
import { useNowSeconds } from "@/app/jwt/_components/countdown";
import {
  setSilentRefreshPaused,
  useSilentRefreshCount,
  useSilentRefreshPaused,
} from "@/app/jwt/_components/keeper-controls";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { JwtExpiryState } from "@/lib/lab/lifetimes";
import { type CheckResult, checkRequest, describeCheck } from "./request-check";

// The JWT half of the expiry experiment: the current access token's countdown, how many times the
// header's keeper replaced it without anyone noticing, and a switch that pauses the keeper so the
// token can be seen to expire (and be refused) before silent refresh brings a new one.

const PATH = "/api/jwt/me";
const PROBE_MS = 2000;

type Props = { jwt: JwtExpiryState; defaultTtlSeconds: number; toleranceSeconds: number };

export function JwtExpiry({ jwt, defaultTtlSeconds, toleranceSeconds }: Props) {
  const now = useNowSeconds();
  const hydrated = useHydrated();
  const paused = useSilentRefreshPaused();
  const refreshCount = useSilentRefreshCount();
  const [countAtOpen] = useState(refreshCount);
  const [probe, setProbe] = useState<CheckResult | null>(null);

  // Remembered while rendering (not in an effect), so an expired token still has a known lifetime.
  const current = jwt.state === "signed-in" ? jwt : null;
  const [lastLifetime, setLastLifetime] = useState(0);
  if (current && current.exp - current.iat !== lastLifetime)
    setLastLifetime(current.exp - current.iat);
  const lifetime = current ? current.exp - current.iat : lastLifetime;
  const shortened = lifetime > 0 && lifetime < defaultTtlSeconds;

  // Leaving the lab must never leave silent refresh switched off.
  useEffect(() => () => setSilentRefreshPaused(false), []);

  useEffect(() => {
    if (!shortened || jwt.state === "signed-out") return;
    let cancelled = false;
    const timer = window.setInterval(async () => {
      const result = await checkRequest(PATH);
      if (!cancelled && result) setProbe(result);
    }, PROBE_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [shortened, jwt.state]);

  const left = current && now !== null ? current.exp - now : null;
  return (
    <section aria-labelledby="expiry-jwt-heading" className="space-y-2" data-testid="expiry-jwt">
      <h4 id="expiry-jwt-heading" className="font-semibold">
        JWT: access token expiry and silent refresh
      </h4>
      {jwt.state === "signed-out" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Not signed in with a JWT.</p>
      ) : (
        <>
          <p className="text-sm">
            Access tokens live{" "}
            <strong data-testid="access-ttl">{lifetime > 0 ? `${lifetime} s` : "…"}</strong>
            {shortened ? " (shortened for this sign-in only)" : ""}.{" "}
            {jwt.state === "expired" ? (
              <strong className="text-danger">The current one has expired.</strong>
            ) : left === null ? null : left > 0 ? (
              <>
                The current one expires in <strong className="tabular-nums">{left} s</strong>.
              </>
            ) : (
              <>
                The current one expired <strong className="tabular-nums">{-left} s</strong> ago; the
                server allows {toleranceSeconds} s of clock skew.
              </>
            )}
          </p>
          <p className="text-sm">
            Silent refreshes watched here:{" "}
            <strong className="tabular-nums" data-testid="silent-refreshes">
              {refreshCount - countAtOpen}
            </strong>
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={paused}
              disabled={!hydrated}
              onChange={(event) => setSilentRefreshPaused(event.target.checked)}
            />
            Pause silent refresh, to watch the token expire
          </label>
        </>
      )}
      <p aria-live="polite" className="text-sm" data-testid="expiry-jwt-probe">
        {probe && jwt.state !== "signed-out" ? (
          <>
            <code className="font-mono">{describeCheck(PATH, probe)}</code>
            {probe.code === "token_expired"
              ? ": refused by the signature check alone, since exp is inside the signed payload. Resume silent refresh and the page trades its refresh cookie for a new token, no sign-in form."
              : probe.status === 200
                ? ": accepted."
                : ""}
          </>
        ) : null}
      </p>
    </section>
  );
}
