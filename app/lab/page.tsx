import type { Metadata } from "next";
import { browserCookies } from "@/lib/lab/cookies";
import { endedCauses } from "@/lib/lab/ended";
import { jwtColumn, oauthColumn, sessionColumn } from "@/lib/lab/server-view";
import { passkeyColumn } from "@/lib/lab/passkey-view";
import { labTimeline } from "@/lib/lab/timeline";
import {
  JwtColumnView,
  JwtDecodedRow,
  OAuthColumnView,
  SessionColumnView,
} from "./_components/columns";
import { Claims } from "./_components/claims";
import { CostProbe } from "./_components/cost-probe";
import { HttpFiguresTable } from "./_components/http-figures-table";
import { ExperimentsSection } from "./_components/experiments-section";
import { LabContents } from "./_components/lab-contents";
import { TourBar } from "./_components/tour-bar";
import { FlowDiagrams } from "./_components/flow-diagrams";
import { ScriptView } from "./_components/script-view";
import { LabSection } from "./_components/lab-section";
import { PasskeyHolds } from "./_components/passkey-row";
import { PasskeysSection } from "./_components/passkeys-section";
import { LabTimeline } from "./_components/timeline";
import { LifetimesTable } from "./_components/lifetimes-table";
import { Scaling } from "./_components/scaling";
import { clusterConfigured } from "@/lib/lab/scaling";
import { oauthConfigured } from "@/lib/auth/oauth/providers";

export const metadata: Metadata = { title: "The lab" };

export default async function LabPage() {
  const [cookies, session, jwt, oauth, passkey, timeline, ended] = await Promise.all([
    browserCookies(),
    sessionColumn(),
    jwtColumn(),
    oauthColumn(),
    passkeyColumn(),
    labTimeline(),
    endedCauses(),
  ]);
  const signedIn = {
    session: session.signedIn,
    jwt: jwt.signedIn,
    oauth: oauth.signedIn,
    oauthOffered: oauthConfigured(),
    ended,
  };
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">The lab</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Your state under each strategy, side by side: what your browser holds, what that means,
          what the server keeps, and what each request costs. Sign in under one, two or all three to
          compare.
        </p>
        <TourBar signedInBoth={session.signedIn && jwt.signedIn} />
      </header>

      <div className="lab-anchors lg:grid lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-8">
        <LabContents signedIn={signedIn} />
        <div className="min-w-0 space-y-8 pt-4 lg:pt-0">
          <section aria-labelledby="lab-columns" className="space-y-3">
            <h2 id="lab-columns" className="text-lg font-semibold">
              What each holds, side by side
            </h2>
            <div className="grid items-start gap-4 xl:grid-cols-3">
              <SessionColumnView data={session} cookies={cookies.session} />
              <JwtColumnView data={jwt} cookies={cookies.jwt} />
              <OAuthColumnView
                data={oauth}
                cookies={cookies.oauth}
                offered={signedIn.oauthOffered}
              />
            </div>
            <JwtDecodedRow data={jwt} />
            <PasskeyHolds data={passkey} />
          </section>

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
            intro="Each button makes the server send real requests to this app, with copies of your credentials or forgeries of them, the way an attacker's client would. Each result shows what was sent (real credentials cut short), what came back, a verdict and why, what it wrote to the log, and a curl command to repeat it."
          >
            <ExperimentsSection signedIn={signedIn} session={session} jwt={jwt} />
          </LabSection>

          <Claims signedIn={signedIn} jwt={jwt} oauth={oauth} />

          <PasskeysSection passkey={passkey} sessionSignedIn={session.signedIn} />

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
                  <code className="font-mono">npm run cluster</code> and open the lab at the address
                  it prints: two production instances behind a load balancer, with Redis and a
                  control that lets you switch where sessions live, restart an instance, and stop
                  Redis, so you can watch what the textbook says happen:
                </p>
                <ul className="list-disc space-y-1 pl-5">
                  <li>
                    a session in Redis or the database is honoured by every instance, and survives a
                    restart;
                  </li>
                  <li>
                    an in-memory session exists on one instance only (hence “sticky sessions”) and
                    dies with it;
                  </li>
                  <li>
                    with Redis down, nobody can use a session (503), while stateless JWTs still
                    verify.
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
            intro="Two measurements, one story. A guard's own work (unsealing, verifying a signature, looking up a row), timed on this server with your credentials, is tens to a few hundred microseconds. What it does to a whole request shows in the benchmark below: every request costs the server around a millisecond whatever the guard, so the ratios stay near 1. Each guard also reports its steps in a Server-Timing header on every answer."
          >
            <CostProbe />
            <HttpFiguresTable />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Both JWT guards remember, per server process, that a token signed by a configured key
              verified (its expiry is checked again on every use; the checked guard reads its
              revocation row every time), so a token seen before costs no second signature check.
              Nothing is cached that could let a revoked session, family or token through.
            </p>
          </LabSection>

          <LabSection id="timeline-heading" title="Timeline">
            <LabTimeline initial={timeline} />
          </LabSection>
        </div>
      </div>
    </div>
  );
}
