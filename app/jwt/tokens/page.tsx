import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { formatInstant, Time } from "@/app/_components/time";
import { type FamilyView, listFamilies } from "@/lib/auth/jwt/families";
import { revokeFamilyAction } from "../actions";
import { DecodedTokenView } from "../_components/decoded-token";
import { SilentRefresh } from "../_components/silent-refresh";
import { SignOutEverywhere } from "@/app/_components/sign-out-everywhere";
import { jwtSignedIn } from "../signed-in";

export const metadata: Metadata = { title: "Your tokens" };

const REASONS: Record<string, string> = {
  logout: "signed out",
  reuse_detected: "reuse detected",
  revoked_by_user: "revoked by you",
  password_changed: "password changed",
  signed_out_everywhere: "signed out everywhere",
};

export default async function TokensPage() {
  const current = await jwtSignedIn("/jwt/tokens");
  if (current.state === "expired") return <SilentRefresh />;
  const families = await listFamilies(current.user.id);
  const currentFamily = String(current.view.payload.fam ?? "");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader strategy="jwt" title="Your tokens">
        <p className="text-zinc-600 dark:text-zinc-400">
          Each sign-in starts a refresh family. Every refresh uses up one token and adds its
          successor; presenting a used token again revokes the whole family.
        </p>
      </PageHeader>

      <DecodedTokenView token={current.view} exp={current.exp} />

      <section aria-labelledby="families-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="families-heading" className="text-lg font-semibold">
            Refresh families
          </h2>
          <SignOutEverywhere strategy="jwt" />
        </div>
        <ul className="space-y-3">
          {families.map((family) => (
            <FamilyCard key={family.id} family={family} current={family.id === currentFamily} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function FamilyCard({ family, current }: { family: FamilyView; current: boolean }) {
  const status =
    family.state === "revoked"
      ? `revoked: ${REASONS[family.revokedReason ?? ""] ?? family.revokedReason}`
      : family.state;
  return (
    <li className="space-y-3 card" data-testid="family" data-state={family.state}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold">
            Family …{family.handle}
            {current ? (
              <span className="ml-2 inline-block rounded-full bg-jwt/15 px-2 py-0.5 text-xs font-medium whitespace-nowrap">
                This browser
              </span>
            ) : null}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <span data-testid="family-status">{status}</span> · started{" "}
            <Time value={family.createdAt} /> · ends <Time value={family.expiresAt} />
          </p>
        </div>
        {family.state === "active" ? (
          <form action={revokeFamilyAction}>
            <input type="hidden" name="family" value={family.id} />
            <button
              type="submit"
              className="btn-secondary"
              aria-label={`Revoke this family (…${family.handle})`}
            >
              Revoke this family
            </button>
          </form>
        ) : null}
      </div>
      <ol
        aria-label={`Chain of family …${family.handle}`}
        className="flex flex-wrap items-center gap-2 text-xs"
      >
        {family.chain.map((link, index) => (
          <li
            key={link.hash + index}
            className="flex items-center gap-2"
            data-testid="chain-link"
            data-state={link.state}
          >
            {index > 0 ? <span aria-hidden>→</span> : null}
            <span
              className={`rounded-md border px-2 py-1 font-mono ${
                link.state === "live"
                  ? "border-success text-success"
                  : link.state === "revoked"
                    ? "border-danger text-danger line-through"
                    : "border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
              }`}
              title={`created ${formatInstant(link.createdAt)}${link.usedAt ? `, used ${formatInstant(link.usedAt)}` : ""}`}
            >
              {link.hash} · {link.state}
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}
