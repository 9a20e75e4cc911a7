import { IdTokenSection } from "@/app/oauth/_components/id-token";
import { needsOf, partTitle, type SignedIn } from "@/lib/lab/catalogue";
import type { CardExperiment } from "@/lib/lab/experiments";
import type { JwtColumn, OAuthColumn } from "@/lib/lab/server-view";
import { viewCheckedToken } from "@/lib/tokens/sources";
import { Experiment } from "./experiment";
import { KeyRotation } from "./key-rotation";
import { LabSection } from "./lab-section";
import { NeedsLink } from "./needs-link";
import { TokenAnatomy } from "./token-anatomy";

// The claims a visitor can watch happen beyond the attacks: what a token is made of and what it
// costs on the wire, identity vs authorization, the hybrids, session fixation, password storage
// and key rotation. Each part says what it needs when this browser lacks it.

async function IdentityVsAuthorization({
  oauth,
  signedIn,
}: {
  oauth: OAuthColumn;
  signedIn: SignedIn;
}) {
  if (oauth.signedIn)
    return (
      <IdTokenSection idToken={await viewCheckedToken("id-token")} accounts={oauth.accounts} />
    );
  return (
    <LabSection
      id="id-token"
      title={partTitle("id-token")}
      card
      intro="OAuth hands the app an access token: permission to call an API. OpenID Connect adds the ID token: a signed statement of who signed in, for the app. Sign in with Google to see both side by side."
    >
      <NeedsLink id="id-token" signedIn={signedIn} />
    </LabSection>
  );
}

/** The parts that hold one experiment each: its card, under the part's heading and introduction. */
const ONE_EXPERIMENT_PARTS: { part: string; experiment: CardExperiment; intro: string }[] = [
  {
    part: "hybrid",
    experiment: "hybrid",
    intro:
      "Production apps mix them: the way you sign in decides who you are, and each client gets the credential that suits it.",
  },
  {
    part: "takeover",
    experiment: "takeover",
    intro:
      "A copied session cookie signs its thief in. What it must never do is outlive itself: link the thief's own provider, unlink yours. A throwaway victim and a thief play it out.",
  },
  {
    part: "fixation",
    experiment: "fixation",
    intro:
      "An attacker plants a session cookie of theirs in your browser, hoping your sign-in adopts it. Two throwaway people play it out.",
  },
  {
    part: "password-storage",
    experiment: "kdf",
    intro:
      "Passwords are stored as argon2id PHC strings. The parameters are public; the salt and hash are not shown.",
  },
];

export async function Claims({
  signedIn,
  jwt,
  oauth,
}: {
  signedIn: SignedIn;
  jwt: JwtColumn;
  oauth: OAuthColumn;
}) {
  return (
    <>
      <TokenAnatomy jwt={jwt} signedIn={signedIn} />
      <IdentityVsAuthorization oauth={oauth} signedIn={signedIn} />
      {ONE_EXPERIMENT_PARTS.map(({ part, experiment, intro }) => (
        <LabSection key={part} id={part} title={partTitle(part)} intro={intro}>
          <Experiment name={experiment} needs={needsOf(experiment, signedIn)} />
        </LabSection>
      ))}
      <KeyRotation signedIn={signedIn} />
    </>
  );
}
