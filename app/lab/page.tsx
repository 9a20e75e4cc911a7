import type { Metadata } from "next";
import { browserCookies } from "@/lib/lab/cookies";
import { jwtColumn, oauthColumn, sessionColumn } from "@/lib/lab/server-view";
import { expiryStates, lifetimeSettings } from "@/lib/lab/lifetimes";
import { labTimeline } from "@/lib/lab/timeline";
import { JwtColumnView, OAuthColumnView, SessionColumnView } from "./_components/columns";
import { CostProbe } from "./_components/cost-probe";
import { CrossSite } from "./_components/cross-site";
import { XssDemo } from "./_components/xss-demo";
import { Experiment } from "./_components/experiment";
import { FlowDiagrams } from "./_components/flow-diagrams";
import { ExpiryExperiment } from "./_components/expiry";
import { ScriptView } from "./_components/script-view";
import { LabSection } from "./_components/lab-section";
import { LabTimeline } from "./_components/timeline";
import { LifetimesTable } from "./_components/lifetimes-table";
import { Scaling } from "./_components/scaling";
import { clusterConfigured } from "@/lib/lab/scaling";

export const metadata: Metadata = { title: "The lab" };

export default async function LabPage() {
  const [cookies, session, jwt, oauth, timeline] = await Promise.all([
    browserCookies(),
    sessionColumn(),
    jwtColumn(),
    oauthColumn(),
    labTimeline(),
  ]);
  return (
    <div className="space-y-8">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">The lab</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Your state under each strategy, side by side: what your browser holds, what that means,
          what the server keeps, and what each request costs. Sign in under one, two or all three to
          compare.
        </p>
      </header>

      <div className="grid items-start gap-4 lg:grid-cols-3">
        <SessionColumnView data={session} cookies={cookies.session} />
        <JwtColumnView data={jwt} cookies={cookies.jwt} />
        <OAuthColumnView data={oauth} cookies={cookies.oauth} />
      </div>

      <LabSection
        id="lifetimes-heading"
        title="Lifetimes"
        card
        intro="Every credential here ends twice over: when it goes unused for a while, and at a hard limit however busy it is. A JWT access token can't be extended at all: it is replaced. All of these are configuration."
      >
        <LifetimesTable />
      </LabSection>

      <LabSection
        id="flows-heading"
        title="How each one works"
        intro="Sequence diagrams of the three flows: who sends what to whom, and what each side does with it. Open a flow to compare the strategies side by side. Lifetimes are the defaults; each one is configurable."
      >
        <FlowDiagrams />
      </LabSection>

      <LabSection
        id="experiments-heading"
        title="Experiments"
        intro="Each button makes the server send real requests to this app, with copies of your credentials or forgeries of them, the way an attacker's client would. You see every request and its answer; never a credential."
      >
        <div className="grid items-start gap-4 lg:grid-cols-3">
          <Experiment
            name="replay"
            title="Replay a stolen credential after sign-out"
            what="Copies each credential you hold, signs you out of every strategy, then presents the copies again."
            button="Sign out and replay (signs you out)"
            lesson="Server state is revoked at once: the session and the Auth.js session are gone. The app's checked verifier refuses the JWT too, but a service that only checks signatures still accepts it until it expires."
          />
          <Experiment
            name="refresh-reuse"
            title="Reuse a rotated refresh token"
            what="A second device signs in and refreshes twice; then its first refresh token, already used, comes back, as a thief's copy would."
            button="Rotate twice, then reuse"
            lesson="The server can't tell the thief from the owner, so it revokes the whole family, the newest token included: whoever holds a copy is out, and the owner signs in again. The JWT column shows the family as revoked (reuse detected)."
          />
          <Experiment
            name="tamper"
            title="Tamper with a token"
            what="Changes one claim of your JWT (keeping its signature) and one character of your session seal, then presents them."
            button="Tamper and present"
            lesson="Both are refused: the signature and the seal's MAC cover every byte, so nobody can edit them without the server's keys. Readable is not writable."
          />
          <Experiment
            name="forged-alg"
            title="Forge the algorithm"
            what={
              'Presents a token with "alg": "none" and one signed with HS256 using the server\'s public key as the secret.'
            }
            button="Present the forgeries"
            lesson="Both are refused before any key is used: the verifier accepts ES256 only, whatever the token's header says."
          />
          <Experiment
            name="delegated"
            title="Act on your behalf (delegated authorization)"
            what="Calls the provider's API with the token you granted at sign-in, from the server. Needs an OAuth sign-in."
            button="Call the provider's API"
            lesson="OAuth is authorization: the token lets Auth Lab do what the scopes allow, at the provider, for you. Signing you in is what OpenID Connect adds on top."
          />
          <XssDemo />
          <CrossSite />
          <ExpiryExperiment settings={lifetimeSettings()} {...expiryStates(session, jwt)} />
        </div>
      </LabSection>

      <LabSection
        id="scaling-heading"
        title="Scaling: many instances, one store"
        card
        intro="A session is a lookup: every instance that may receive your request must be able to do it. A JWT is a signature: any instance with the public key can check it, no store needed. Watch both across two instances behind a load balancer."
      >
        {clusterConfigured() ? (
          <Scaling />
        ) : (
          <div className="space-y-2 text-sm" data-testid="scaling-off">
            <p>
              This part needs several instances. Run{" "}
              <code className="font-mono">npm run cluster</code> and open the lab at the address it
              prints: two production instances behind a load balancer, with Redis and a control that
              lets you switch where sessions live, restart an instance, and stop Redis, so you can
              watch what the textbook says happen:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                a session in Redis or the database is honoured by every instance, and survives a
                restart;
              </li>
              <li>
                an in-memory session exists on one instance only (hence “sticky sessions”) and dies
                with it;
              </li>
              <li>
                with Redis down, nobody can use a session (503), while stateless JWTs still verify.
              </li>
            </ul>
          </div>
        )}
      </LabSection>

      <LabSection
        id="script-heading"
        title="What a script on this page can read"
        card
        intro="Computed right now, in your browser. Every credential above is an HttpOnly cookie, so none of them shows up here: an injected script could use them while the page is open, but never carry them away."
      >
        <ScriptView />
      </LabSection>

      <LabSection
        id="cost-heading"
        title="What a request costs"
        card
        intro="Each strategy's guard times its own work (unsealing, verifying, looking up) and reports it in a Server-Timing header. This probes each one and shows the guard's share of the request, not the network."
      >
        <CostProbe />
      </LabSection>

      <LabSection id="timeline-heading" title="Timeline">
        <LabTimeline initial={timeline} />
      </LabSection>
    </div>
  );
}
