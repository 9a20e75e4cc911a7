import { SubmitButton } from "@/app/_components/form";
import { recentProofSeconds } from "@/lib/auth/account/recent-proof";
import { providerInfo } from "@/lib/auth/oauth/providers";
import { startLink } from "../actions";

type Provider = { id: string; name: string };

/** The providers not linked to the account yet: what LinkProviders can offer. */
export function unlinkedProviders(linked: { provider: string }[]): Provider[] {
  return providerInfo()
    .filter((provider) => !linked.some((account) => account.provider === provider.id))
    .map(({ id, name }) => ({ id, name }));
}

/**
 * "Link Google", "Link GitHub": one form for every page that offers it. The action asks for a
 * recent proof first (app/account/confirm when the sign-in in use is older than the window).
 */
export function LinkProviders({
  providers,
  from,
}: {
  providers: Provider[];
  /** Which page to come back to. */
  from: "oauth" | "password" | "account";
}) {
  const minutes = Math.max(1, Math.round(recentProofSeconds() / 60));
  return (
    <form action={startLink} className="space-y-3">
      <input type="hidden" name="from" value={from} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Linking changes how your account can be entered, so it needs a proof of who you are from the
        last {minutes} {minutes === 1 ? "minute" : "minutes"}: if your sign-in is older, you are
        asked to confirm it is you first. A copied cookie, however it is exchanged, is never fresher
        than the sign-in it came from.
      </p>
      <div className="flex flex-wrap gap-3">
        {providers.map((provider) => (
          <SubmitButton
            key={provider.id}
            name="provider"
            value={provider.id}
            className="btn-primary"
            pendingLabel="Going to the provider…"
          >
            Link {provider.name}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
