import { readFlowLog } from "@/lib/auth/oauth/flow-log";
import { providerInfo, providerSignOutUrl } from "@/lib/auth/oauth/providers";
import { type ProviderId, PROVIDERS } from "@/lib/auth/names";

// After signing out of Auth Lab: the provider still has its own session, so the next "Continue
// with…" may sign this browser straight back in. Said plainly, with a way to end that one too.

const isProvider = (value: unknown): value is ProviderId =>
  value === "google" || value === "github";

export async function ProviderMemory({
  signedOut,
  signedOutAt,
}: {
  signedOut: boolean;
  signedOutAt: unknown;
}) {
  if (isProvider(signedOutAt))
    return (
      <p role="status" className="rounded-lg border border-success/50 bg-success/5 p-3 text-sm">
        Signed out at {PROVIDERS[signedOutAt]} too: the next sign-in there will ask who you are.
      </p>
    );
  if (!signedOut) return null;
  const log = await readFlowLog();
  const last = isProvider(log?.provider) ? log.provider : null;
  const providers = last ? [last] : providerInfo().map((info) => info.id);
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-oauth/50 bg-oauth/5 p-3 text-sm"
      data-testid="provider-memory"
    >
      <p>
        You are signed out of Auth Lab: its session is gone. You are{" "}
        <strong>not signed out of {last ? PROVIDERS[last] : "the provider"}</strong>, which keeps
        its own session, so “Continue with…” may sign you straight back in without a question. That
        is single sign-on working, not a bug.
      </p>
      <ul className="flex flex-wrap gap-3">
        {providers.map((provider) => (
          <li key={provider}>
            <a href={providerSignOutUrl(provider)} className="btn-secondary">
              Sign out at {PROVIDERS[provider]} too
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
