import { needsOf, type SignedIn } from "@/lib/lab/catalogue";
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
  signedIn: SignedIn;
  session: SessionColumn;
  jwt: JwtColumn;
}) {
  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      <Experiment name="tamper" needs={needsOf("tamper", signedIn)} />
      <Experiment name="forged-alg" needs={needsOf("forged-alg", signedIn)} />
      <Experiment name="replay" needs={needsOf("replay", signedIn)} />
      <Experiment name="refresh-reuse" needs={needsOf("refresh-reuse", signedIn)} />
      <XssDemo needs={needsOf("xss", signedIn)} />
      <CrossSite needs={needsOf("cross-site", signedIn)} />
      <ExpiryExperiment
        settings={lifetimeSettings()}
        {...expiryStates(session, jwt)}
        {...(signedIn.ended?.session ? { sessionEnded: signedIn.ended.session } : {})}
      />
      <Experiment name="delegated" needs={needsOf("delegated", signedIn)} />
    </div>
  );
}
