import { IdTokenSection } from "@/app/oauth/_components/id-token";
import type { StrategyId } from "@/lib/auth/names";
import { needsOf } from "@/lib/lab/catalogue";
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
  signedIn: Record<StrategyId, boolean>;
}) {
  if (oauth.signedIn)
    return (
      <IdTokenSection idToken={await viewCheckedToken("id-token")} accounts={oauth.accounts} />
    );
  return (
    <LabSection
      id="id-token"
      title="Identity vs authorization"
      card
      intro="OAuth hands the app an access token: permission to call an API. OpenID Connect adds the ID token: a signed statement of who signed in, for the app. Sign in with Google to see both side by side."
    >
      <NeedsLink id="id-token" signedIn={signedIn} />
    </LabSection>
  );
}

export async function Claims({
  signedIn,
  jwt,
  oauth,
}: {
  signedIn: Record<StrategyId, boolean>;
  jwt: JwtColumn;
  oauth: OAuthColumn;
}) {
  return (
    <>
      <TokenAnatomy jwt={jwt} signedIn={signedIn} />
      <IdentityVsAuthorization oauth={oauth} signedIn={signedIn} />
      <LabSection
        id="hybrid"
        title="Combining the models"
        intro="Production apps mix them: the way you sign in decides who you are, and each client gets the credential that suits it."
      >
        <Experiment
          name="hybrid"
          needs={needsOf("hybrid", signedIn)}
          title="One sign-in, the app's own tokens for API clients"
          what="Exchanges your provider sign-in for Auth Lab's JWT pair (what an SPA does after “Sign in with Google”), and your server session for a pair a mobile app would hold; then calls the API with each access token alone."
          button="Exchange and call the API"
          lesson="The provider's tokens never leave the server; the web app keeps its cookie; API clients hold the app's own short-lived tokens. One kill switch ends them all."
        />
      </LabSection>
      <LabSection
        id="takeover"
        title="A stolen cookie, turned into the account?"
        intro="A copied session cookie signs its thief in. What it must never do is outlive itself: link the thief's own provider, unlink yours. A throwaway victim and a thief play it out."
      >
        <Experiment
          name="takeover"
          needs={null}
          title="Exchange a stolen cookie, then try to link"
          what="The victim's session cookie, from a sign-in made a while ago, is copied; the thief exchanges it for a brand-new JWT pair and asks to link GitHub with it. Then the victim, signing in again, asks the same."
          button="Steal, exchange and link"
          lesson="A credential carries the moment of the proof it came from; an exchange copies it. Linking wants a proof from the last few minutes, which only the person can give."
        />
      </LabSection>
      <LabSection
        id="fixation"
        title="Session fixation"
        intro="An attacker plants a session cookie of theirs in your browser, hoping your sign-in adopts it. Two throwaway people play it out."
      >
        <Experiment
          name="fixation"
          needs={null}
          title="Plant a session, then sign in"
          what="The attacker signs in and keeps the cookie; the victim's browser carries it to their own sign-in; then both cookies are tried."
          button="Plant and sign in"
          lesson="A new random id at every sign-in, and whatever the browser held is ended: an id someone else knows never becomes your session."
        />
      </LabSection>
      <LabSection
        id="password-storage"
        title="Storing passwords"
        intro="Passwords are stored as argon2id PHC strings. The parameters are public; the salt and hash are not shown."
      >
        <Experiment
          name="kdf"
          needs={null}
          title="Time one hash"
          what="Shows your stored password's parameters (a throwaway person's when you have none), and times one argon2id hash against one SHA-256 on this server, now."
          button="Measure"
          lesson="The ratio is what every guess costs someone who stole the table; a sign-in pays it once."
        />
      </LabSection>
      <KeyRotation signedIn={signedIn} />
    </>
  );
}
