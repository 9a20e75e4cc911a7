import { TokenViewer } from "@/app/_components/token-viewer";
import type { LinkedAccount } from "@/lib/auth/oauth/accounts";
import type { SignatureCheck } from "@/lib/tokens/sources";
import type { TokenView } from "@/lib/tokens/anatomy";

// Identity vs authorization, side by side: the ID token (OpenID Connect) tells Auth Lab who you
// are; the provider's access token lets Auth Lab call the provider's API as you, and means
// nothing to Auth Lab itself.

export function IdTokenSection({
  idToken,
  accounts,
}: {
  idToken: { view: TokenView; signature: SignatureCheck } | null;
  accounts: LinkedAccount[];
}) {
  return (
    <section aria-labelledby="id-token-heading" className="space-y-3 card" id="id-token">
      <h2 id="id-token-heading" className="text-lg font-semibold">
        Identity vs authorization: the two tokens a provider gives
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1 text-sm">
          <h3 className="font-semibold">The ID token: who you are (for Auth Lab)</h3>
          <p className="text-zinc-600 dark:text-zinc-400">
            OpenID Connect adds it to OAuth: a JWT the provider signs, addressed to Auth Lab (
            <code>aud</code>), naming you (<code>sub</code>) and bound to this sign-in (
            <code>nonce</code>). Auth Lab checks it, then keys your account on it.
          </p>
        </div>
        <div className="space-y-1 text-sm" data-testid="provider-access-token">
          <h3 className="font-semibold">
            The access token: what Auth Lab may do (at the provider)
          </h3>
          <p className="text-zinc-600 dark:text-zinc-400">
            Opaque to Auth Lab: it proves nothing about who you are, it only lets Auth Lab call the
            provider&apos;s API within the scopes you allowed. It stays on the server, encrypted.
          </p>
          <ul className="font-mono text-xs">
            {accounts.map((account) => (
              <li key={account.provider}>
                {account.provider}: {account.accessTokenPreview ?? "none"} · scope{" "}
                {account.scopes.join(" ") || "none"}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {idToken ? (
        <div className="space-y-2">
          <p
            className={`text-sm font-semibold ${idToken.signature.valid ? "text-success" : "text-danger"}`}
            data-testid="id-token-signature"
            data-valid={idToken.signature.valid}
          >
            Signature checked against the provider&apos;s published keys just now:{" "}
            {idToken.signature.valid ? "valid" : `refused (${idToken.signature.reason})`}
          </p>
          <TokenViewer view={idToken.view} />
        </div>
      ) : (
        <p className="text-sm" data-testid="no-id-token">
          No ID token: GitHub speaks plain OAuth 2.0, so who you are came from an API call made with
          the access token (see the sign-in log below). Sign in with Google to see one.
        </p>
      )}
    </section>
  );
}
