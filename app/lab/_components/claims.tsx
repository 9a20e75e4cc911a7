import { cookies } from "next/headers";
import Link from "next/link";
import { Time } from "@/app/_components/time";
import { TokenViewer } from "@/app/_components/token-viewer";
import { IdTokenSection } from "@/app/oauth/_components/id-token";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { labKeysOf } from "@/lib/auth/jwt/lab-keys";
import type { StrategyId } from "@/lib/auth/names";
import { labKeyRotationOn } from "@/lib/env";
import { LAB_PARTS, needsFor } from "@/lib/lab/catalogue";
import { credentialSizes } from "@/lib/lab/experiments/anatomy";
import type { JwtColumn, OAuthColumn } from "@/lib/lab/server-view";
import { viewCheckedToken } from "@/lib/tokens/sources";
import { backToConfiguredKey } from "../key-actions";
import { Experiment } from "./experiment";
import { LabSection } from "./lab-section";

// The claims a visitor can watch happen beyond the attacks: what a token is made of and what it
// costs on the wire, identity vs authorization, the hybrids, session fixation, password storage
// and key rotation. Each part says what it needs when this browser lacks it.

function NeedsLink({ id, signedIn }: { id: string; signedIn: Record<StrategyId, boolean> }) {
  const part = LAB_PARTS.find((candidate) => candidate.id === id);
  const needs = part?.requires ? needsFor(part.requires, signedIn) : null;
  if (!needs) return null;
  return (
    <p className="text-sm" data-testid="part-needs">
      Needs:{" "}
      <Link href={needs.href as never} className="link">
        {needs.text}
      </Link>
    </p>
  );
}

async function TokenAnatomy({
  jwt,
  signedIn,
}: {
  jwt: JwtColumn;
  signedIn: Record<StrategyId, boolean>;
}) {
  const held = new Map((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
  const sizes = credentialSizes(held);
  const rows = [
    [
      "session",
      "Session cookie",
      sizes.sessionCookie,
      "a sealed reference; the state stays on the server",
    ],
    [
      "access",
      "Access-token cookie",
      sizes.accessCookie,
      "the whole signed token, on every request",
    ],
    ["bearer", "The same token as a Bearer header", sizes.bearerHeader, "what an API client sends"],
    ["oauth", "Auth.js session cookie", sizes.oauthCookie, "an opaque random token"],
  ] as const;
  return (
    <LabSection
      id="token-anatomy"
      title="What's in a token, and what it costs"
      card
      intro="A JWT is three base64url parts: a header that says how it was signed, a payload of claims, and the signature. The first two anyone can read. Every request carries it whole."
    >
      {jwt.signedIn ? (
        <TokenViewer view={jwt.token} editable={false} />
      ) : (
        <NeedsLink id="token-anatomy" signedIn={signedIn} />
      )}
      <table className="w-full text-sm" data-testid="credential-sizes">
        <caption className="mb-1 text-left font-semibold">
          Bytes each credential adds to every request, from what your browser holds now
        </caption>
        <thead>
          <tr className="text-left text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-1 pr-2 font-medium">
              Credential
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Bytes
            </th>
            <th scope="col" className="hidden py-1 font-medium sm:table-cell">
              What it is
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, bytes, what]) => (
            <tr
              key={key}
              className="border-t border-zinc-200 dark:border-zinc-800"
              data-credential={key}
              data-bytes={bytes ?? ""}
            >
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {label}
              </th>
              <td className="py-1 pr-2 font-mono">{bytes === null ? "not held" : bytes}</td>
              <td className="hidden py-1 text-zinc-600 sm:table-cell dark:text-zinc-400">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </LabSection>
  );
}

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

async function KeyRotation({ signedIn }: { signedIn: Record<StrategyId, boolean> }) {
  const on = labKeyRotationOn();
  const jwt = on ? await getCurrentJwt() : null;
  const keys = jwt?.ok ? await labKeysOf(jwt.claims.fam) : [];
  const signing = keys.filter((key) => !key.retiredAt).at(-1);
  return (
    <LabSection
      id="key-rotation"
      title="Rotating signing keys"
      card
      intro="Each token names the key that signed it (kid), and verifiers look it up in the JWKS. So a new key can start signing while the old one stays published, and nobody is signed out; retiring a key is what ends its tokens. Here you rotate the keys of your own sign-in only."
    >
      {on ? (
        <>
          <Experiment
            name="key-rotation"
            needs={needsFor("jwt", signedIn)}
            title="The whole cycle"
            what="Rotates twice (two lab keys published, each signing a token), checks the older token still verifies, then retires the older key: the app refuses its token at once."
            button="Rotate, rotate, retire"
            lesson="Publish first, sign with the new key, retire the old one only when its last token has expired."
          />
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
          needs={needsFor("session-or-oauth", signedIn)}
          title="One sign-in, the app's own tokens for API clients"
          what="Exchanges your provider sign-in for Auth Lab's JWT pair (what an SPA does after “Sign in with Google”), and your server session for a pair a mobile app would hold; then calls the API with each access token alone."
          button="Exchange and call the API"
          lesson="The provider's tokens never leave the server; the web app keeps its cookie; API clients hold the app's own short-lived tokens. One kill switch ends them all."
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
