import { acknowledgeLinkNotice } from "@/app/account/actions";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { providerName } from "@/lib/auth/names";
import { Time } from "./time";

/**
 * A provider linked to the account that the person has not acknowledged: shown on every account
 * page until they say it was them. If it wasn't, the way out is right there.
 */
export async function LinkNotice({ userId, next }: { userId: string; next: string }) {
  const fresh = (await listLinkedAccounts(userId)).filter((account) => account.unacknowledged);
  if (fresh.length === 0) return null;
  return (
    <section
      aria-labelledby="link-notice"
      className="space-y-2 rounded-lg border border-amber-500/50 bg-amber-500/10 p-4 text-sm"
      data-testid="link-notice"
    >
      <h2 id="link-notice" className="font-semibold">
        A sign-in provider was linked to your account
      </h2>
      <ul className="space-y-1">
        {fresh.map((account) => (
          <li key={account.provider}>
            {providerName(account.provider)}, linked <Time value={account.linkedAt} /> from{" "}
            {account.linkedIp ?? "an unknown address"} after {account.linkProof ?? "a proof"}{" "}
            (through your {account.linkedFrom} sign-in).
          </li>
        ))}
      </ul>
      <p>
        It can sign in to your account from now on. If this was not you, unlink it on your{" "}
        <a href="/account" className="link">
          account page
        </a>{" "}
        and change your password.
      </p>
      <form action={acknowledgeLinkNotice}>
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="btn-secondary">
          That was me
        </button>
      </form>
    </section>
  );
}
