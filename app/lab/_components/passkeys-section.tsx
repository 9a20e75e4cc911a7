import { PASSKEY_EXPERIMENTS } from "@/lib/lab/experiments";
import { Experiment } from "./experiment";
import { LabSection } from "./lab-section";

// The passkey attacks: each run by a throwaway person who registers a passkey with a software
// authenticator through this app's routes, so they need nothing from this browser.

export function PasskeysSection() {
  return (
    <LabSection
      id="passkeys"
      title="Passkeys"
      intro="Each button has the server make a throwaway person, register a passkey for them with a software authenticator (an ES256 key in the server's memory, answering as a browser would) through this app's own routes, and then make that authenticator lie the way an attack needs. The requests are real; the person is removed afterwards."
    >
      <div className="grid items-start gap-4 xl:grid-cols-2">
        {PASSKEY_EXPERIMENTS.map((name) => (
          <Experiment key={name} name={name} needs={null} />
        ))}
      </div>
    </LabSection>
  );
}
