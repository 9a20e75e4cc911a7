import { Time } from "@/app/_components/time";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { labKeysOf } from "@/lib/auth/jwt/lab-keys";
import { labKeyRotationOn } from "@/lib/env";
import { needsOf, partTitle, type SignedIn } from "@/lib/lab/catalogue";
import { backToConfiguredKey } from "../key-actions";
import { Experiment } from "./experiment";
import { LabSection } from "./lab-section";

// Key rotation on this browser's own JWT sign-in: the whole cycle as an experiment, the keys it
// made, and a way back to the configured key.

export async function KeyRotation({ signedIn }: { signedIn: SignedIn }) {
  const on = labKeyRotationOn();
  const jwt = on ? await getCurrentJwt() : null;
  const keys = jwt?.ok ? await labKeysOf(jwt.claims.fam) : [];
  const signing = keys.filter((key) => !key.retiredAt).at(-1);
  return (
    <LabSection
      id="key-rotation"
      title={partTitle("key-rotation")}
      card
      intro="Each token names the key that signed it (kid), and verifiers look it up in the JWKS. So a new key is published first, and signs only once every cached JWKS can hold it (a cache lifetime later); the old one stays published, and nobody is signed out; retiring a key is what ends its tokens. Here you rotate the keys of your own sign-in only."
    >
      {on ? (
        <>
          <Experiment name="key-rotation" needs={needsOf("key-rotation", signedIn)} />
          {keys.length > 0 ? (
            <div className="space-y-2 text-sm" data-testid="lab-keys">
              <p>
                Your sign-in&apos;s tokens are signed with{" "}
                <code className="font-mono">{signing?.kid ?? "the configured key"}</code>.
              </p>
              <ul className="font-mono text-xs">
                {keys.map((key) => (
                  <li key={key.kid} data-kid={key.kid} data-retired={Boolean(key.retiredAt)}>
                    {key.kid}: made <Time value={key.createdAt} timeOnly />
                    {key.retiredAt ? (
                      <>
                        , retired <Time value={key.retiredAt} timeOnly />
                      </>
                    ) : (
                      ", published"
                    )}
                  </li>
                ))}
              </ul>
              <form action={backToConfiguredKey}>
                <button type="submit" className="btn-secondary">
                  Back to the configured key
                </button>
              </form>
            </div>
          ) : null}
        </>
      ) : (
        <p className="text-sm" data-testid="key-rotation-off">
          Turned off on this deployment (<code>LAB_KEY_ROTATION</code>). Run it locally with{" "}
          <code>npm run dev</code>, where it is on.
        </p>
      )}
    </LabSection>
  );
}
