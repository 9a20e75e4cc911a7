import type { Metadata } from "next";
import { ItemCard } from "@/app/_components/item-card";
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
          <ItemCard
            key={device.handle}
            data-testid="device"
            title={
              <>
                {device.device}
                {device.current ? (
                  <span className="ml-2 inline-block rounded-full bg-session/20 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100">
                    This device
                  </span>
                ) : null}
              </>
            }
            detail={
              <>
                IP {device.ip ?? "unknown"} · signed in <Time value={device.createdAt} /> · last
                seen <Time value={device.lastSeenAt} />
              </>
            }
            side={
              device.current ? null : (
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
              )
            }
          />
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
