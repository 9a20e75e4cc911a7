import type { Metadata } from "next";
import Link from "next/link";
import { DemoButton } from "@/app/_components/demo-button";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { demoSignInOn } from "@/lib/env";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategyStatuses } from "@/lib/auth/statuses";
import { TourComplete, TourProgress, TourStep } from "./tour-progress";

export const metadata: Metadata = { title: "Start here: the 60-second tour" };

// The suggested first minute: sign in two ways (one click as a demo person), open the lab, run
// three experiments. Each step shows whether it's done, as this browser recorded it
// (app/_components/tour.ts): signing out later, as the replay experiment does, undoes nothing.
export default async function TourPage({ searchParams }: PageProps<"/tour">) {
  const statuses = await getStrategyStatuses();
  const signedIn = (id: "session" | "jwt") => Boolean(statuses.find((s) => s.id === id)?.user);
  const both = signedIn("session") && signedIn("jwt");
  const { demo } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Start here: the 60-second tour</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Sign in two ways at once, look at what each one left in your browser and on the server,
          then attack them both. Every result is a real request to this server.
        </p>
      </header>
      {demo === "busy" ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
          Too many demo people were made from here in the last hour. Register instead, or try again
          later.
        </p>
      ) : null}
      <TourComplete>
        <p className="text-sm">
          What next: the rest of the{" "}
          <Link href="/lab#experiments-heading" className="link">
            lab&apos;s experiments
          </Link>
          , a third model, or the interview room (below).
        </p>
      </TourComplete>
      <ol className="space-y-4">
        <TourStep step={0} signedInBoth={both}>
          <h2 className="font-semibold">1. Sign in with a server session and a JWT</h2>
          <ul className="space-y-1 text-sm">
            {(["session", "jwt"] as const).map((id) => (
              <li key={id} className="flex items-center gap-2">
                <StrategyDot id={id} hollow={!signedIn(id)} />
                {STRATEGIES[id].label}: {signedIn(id) ? "signed in" : "signed out"}
              </li>
            ))}
          </ul>
          {both ? null : (
            <div className="space-y-2">
              {demoSignInOn() ? (
                <>
                  <DemoButton next="/tour" label="Sign in both ways as a demo person" />
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    A throwaway account made for you on the spot: no email, no password to remember,
                    nobody else&apos;s data.
                  </p>
                </>
              ) : null}
              <p className="text-sm">
                Or use your own account:{" "}
                <Link href={`${STRATEGIES.session.loginPath}?next=/tour`} className="link">
                  session
                </Link>
                ,{" "}
                <Link href={`${STRATEGIES.jwt.loginPath}?next=/tour`} className="link">
                  JWT
                </Link>{" "}
                (no account?{" "}
                <Link href="/register" className="link">
                  create one
                </Link>
                ).
              </p>
            </div>
          )}
        </TourStep>
        <TourStep step={1}>
          <h2 className="font-semibold">2. Compare what each one holds</h2>
          <p className="text-sm">
            The lab&apos;s first part puts them side by side: a sealed cookie that means nothing to
            anyone but the server, and a token anyone can decode.
          </p>
          <Link href="/lab#lab-columns" className="btn-secondary no-underline">
            Open the lab
          </Link>
        </TourStep>
        <TourStep step={2}>
          <h2 className="font-semibold">3. Run three experiments</h2>
          <TourProgress />
        </TourStep>
        <li className="space-y-2 card">
          <h2 className="font-semibold">Then</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>
              <Link href={STRATEGIES.oauth.loginPath} className="link">
                Sign in with Google or GitHub
              </Link>{" "}
              (a local stand-in, no real account), and watch a third model.
            </li>
            <li>
              <Link href="/interview" className="link">
                The interview room
              </Link>
              : the questions people get asked, each answer with a live proof.
            </li>
          </ul>
        </li>
      </ol>
    </div>
  );
}
