import type { StrategyId } from "@/lib/auth/names";
import { needsOf } from "@/lib/lab/catalogue";
import { expiryStates, lifetimeSettings } from "@/lib/lab/lifetimes";
import type { JwtColumn, SessionColumn } from "@/lib/lab/server-view";
import { CrossSite } from "./cross-site";
import { Experiment } from "./experiment";
import { ExpiryExperiment } from "./expiry";
import { XssDemo } from "./xss-demo";

/** The experiments, in the suggested order, each told what this browser still lacks for it. */
export function ExperimentsSection({
  signedIn,
  session,
  jwt,
}: {
  signedIn: Record<StrategyId, boolean>;
  session: SessionColumn;
  jwt: JwtColumn;
}) {
  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      <Experiment
        name="tamper"
        needs={needsOf("tamper", signedIn)}
        title="Tamper with a token"
        what="Changes one claim of your JWT (keeping its signature) and one character of your session seal, then presents them."
        button="Tamper and present"
        lesson="Readable is not writable: anyone can decode a JWT, nobody can change it without the server's key."
      />
      <Experiment
        name="forged-alg"
        needs={needsOf("forged-alg", signedIn)}
        title="Forge the algorithm"
        what={
          'Presents a token with "alg": "none" and one signed with HS256 using the server\'s public key as the secret.'
        }
        button="Present the forgeries"
        lesson="The verifier's algorithm comes from its own allowlist (ES256), never from the token it is checking."
      />
      <Experiment
        name="replay"
        needs={needsOf("replay", signedIn)}
        title="Replay a stolen credential after sign-out"
        what="Copies each credential you hold, signs you out of every strategy, then presents the copies again."
        button="Sign out and replay (signs you out)"
        lesson="Server state is revoked at once. A JWT is revoked only where a verifier asks a server; everywhere else it lives until exp."
      />
      <Experiment
        name="refresh-reuse"
        needs={needsOf("refresh-reuse", signedIn)}
        title="Reuse a rotated refresh token"
        what="A second device signs in and refreshes twice; then its first refresh token, already used, comes back, as a thief's copy would."
        button="Rotate twice, then reuse"
        lesson="Rotation turns a stolen refresh token into an alarm: the JWT column shows the family as revoked (reuse detected)."
      />
      <XssDemo needs={needsOf("xss", signedIn)} />
      <CrossSite needs={needsOf("cross-site", signedIn)} />
      <ExpiryExperiment settings={lifetimeSettings()} {...expiryStates(session, jwt)} />
      <Experiment
        name="delegated"
        needs={needsOf("delegated", signedIn)}
        title="Act on your behalf (delegated authorization)"
        what="Calls the provider's API with the token you granted at sign-in, from the server."
        button="Call the provider's API"
        lesson="OAuth is authorization: the token lets Auth Lab do what the scopes allow, at the provider, for you."
      />
    </div>
  );
}
