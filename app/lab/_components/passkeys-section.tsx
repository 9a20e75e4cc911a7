import { PASSKEY_EXPERIMENTS } from "@/lib/lab/experiments";
import type { PasskeyColumn } from "@/lib/lab/passkey-view";
import { Experiment } from "./experiment";
import { LabSection } from "./lab-section";
import { YourPasskey } from "./your-passkey/your-passkey";

// The passkey attacks: each run by a throwaway person who registers a passkey with a software
// authenticator through this app's routes, so they need nothing from this browser; then, where a
// page can, the same attack in this browser with the visitor's own passkey.

/**
 * What a run with the visitor's own passkey still needs: a passkey, and a server session (a
 * passkey is a way into it; the runs' events are that strategy's, and the result lists them).
 */
function yoursNeeds(passkey: PasskeyColumn, sessionSignedIn: boolean) {
  if (!passkey.signedIn)
    return { text: "sign in, with a passkey of yours", href: "/passkey?next=/lab" };
  if (passkey.passkeys.length === 0) return { text: "add a passkey", href: "/passkey/manage" };
  if (!sessionSignedIn) return { text: "sign in with your passkey", href: "/passkey?next=/lab" };
  return null;
}

export function PasskeysSection({
  passkey,
  sessionSignedIn,
}: {
  passkey: PasskeyColumn;
  /** Whether this browser holds a server session (the strategy a passkey signs into). */
  sessionSignedIn: boolean;
}) {
  const needs = yoursNeeds(passkey, sessionSignedIn);
  return (
    <LabSection
      id="passkeys"
      title="Passkeys"
      intro="Each button has the server make a throwaway person, register a passkey for them with a software authenticator (an ES256 key in the server's memory, answering as a browser would) through this app's own routes, and then make that authenticator lie the way an attack needs. The requests are real; the person is removed afterwards. Under it, where a page can do it, the same attack runs in this browser with your own passkey: your authenticator asks you each time."
    >
      <div className="grid items-start gap-4 xl:grid-cols-2">
        {PASSKEY_EXPERIMENTS.map((name) => (
          <Experiment key={name} name={name} needs={null}>
            <YourPasskey name={name} needs={needs} />
          </Experiment>
        ))}
      </div>
    </LabSection>
  );
}
