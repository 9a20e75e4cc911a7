import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { formatInstant, Time } from "@/app/_components/time";
import { listDevices } from "@/lib/auth/session/devices";
import { requireSession } from "@/lib/auth/session/guard";
import { SignOutEverywhere } from "@/app/_components/sign-out-everywhere";
import { EverywhereButton } from "@/app/_components/everywhere-button";
import { revokeDeviceAction, signOutOthersAction } from "./actions";

export const metadata: Metadata = { title: "Your devices" };

export default async function DevicesPage() {
  const { user, session } = await requireSession("/session/devices");
  const devices = await listDevices(user.id, session.id);
  const others = devices.filter((device) => !device.current).length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader strategy="session" title="Your devices">
        <p className="text-zinc-600 dark:text-zinc-400">
          Every browser signed in to your account with a server session. Revoking one deletes its
          row: that browser is signed out on its very next request.
        </p>
      </PageHeader>

      <ul aria-label="Signed-in devices" className="space-y-3">
        {devices.map((device) => (
          <li
            key={device.handle}
            className="flex flex-wrap items-center justify-between gap-3 card"
            data-testid="device"
          >
            <div className="min-w-0 space-y-1">
              <p className="font-semibold">
                {device.device}
                {device.current ? (
                  <span className="ml-2 inline-block rounded-full bg-session/20 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                IP {device.ip ?? "unknown"} · signed in <Time value={device.createdAt} /> · last
                seen <Time value={device.lastSeenAt} />
              </p>
            </div>
            {device.current ? null : (
              <form action={revokeDeviceAction}>
                <input type="hidden" name="handle" value={device.handle} />
                <button
                  type="submit"
                  className="btn-secondary"
                  aria-label={`Revoke ${device.device}, last seen ${formatInstant(device.lastSeenAt)}`}
                >
                  Revoke
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>

      <div className="flex flex-wrap gap-3">
        <form action={signOutOthersAction}>
          <button type="submit" className="btn-secondary" disabled={others === 0}>
            Sign out everywhere else
          </button>
        </form>
        <SignOutEverywhere strategy="session" />
        <EverywhereButton via="session" />
      </div>
    </div>
  );
}
