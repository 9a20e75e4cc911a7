import type { Metadata } from "next";
import { browserCookies } from "@/lib/lab/cookies";
import { jwtColumn, oauthColumn, sessionColumn } from "@/lib/lab/server-view";
import { labTimeline } from "@/lib/lab/timeline";
import { JwtColumnView, OAuthColumnView, SessionColumnView } from "./_components/columns";
import { CostProbe } from "./_components/cost-probe";
import { ScriptView } from "./_components/script-view";
import { LabTimeline } from "./_components/timeline";

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

      <section aria-labelledby="script-heading" className="space-y-2 card">
        <h2 id="script-heading" className="text-lg font-semibold">
          What a script on this page can read
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Computed right now, in your browser. Every credential above is an HttpOnly cookie, so none
          of them shows up here: an injected script could use them while the page is open, but never
          carry them away.
        </p>
        <ScriptView />
      </section>

      <section aria-labelledby="cost-heading" className="space-y-2 card">
        <h2 id="cost-heading" className="text-lg font-semibold">
          What a request costs
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Each strategy&apos;s guard times its own work (unsealing, verifying, looking up) and
          reports it in a Server-Timing header. This probes each one and shows the guard&apos;s
          share of the request, not the network.
        </p>
        <CostProbe />
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <LabTimeline initial={timeline} />
      </section>
    </div>
  );
}
