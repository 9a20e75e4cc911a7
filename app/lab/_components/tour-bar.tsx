"use client";

import Link from "next/link";
import { STRATEGIES } from "@/lib/auth/names";
import { recordTour, TOUR_STEPS, useRecordTour, useTour } from "@/app/_components/tour";

// While the visitor is on the tour, the lab says where they are in it and links the next step.
// Opening the lab signed in both ways is the tour's step 2 ("compare what each one holds").

export function TourBar({ signedInBoth }: { signedInBoth: boolean }) {
  useRecordTour(signedInBoth ? ["signed-in", "compared"] : []);
  const tour = useTour();
  if (!tour.known || !tour.started || tour.closed) return null;
  return (
    <nav
      aria-label="Tour progress"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-600/40 bg-sky-600/5 px-3 py-2 text-sm"
      data-testid="tour-bar"
      data-step={tour.step ?? "complete"}
    >
      {tour.step !== null && tour.next ? (
        <p>
          <Link href="/tour" className="inline-block py-0.5 link font-semibold">
            Tour
          </Link>
          : step {tour.step} of {TOUR_STEPS.length} · next:{" "}
          <Link href={tour.next.href as never} className="inline-block py-0.5 link">
            {tour.next.title}
          </Link>
        </p>
      ) : (
        <>
          <p>
            <strong className="text-success">Tour complete.</strong> Next: the other experiments
            below, a third model (
            <Link href={STRATEGIES.oauth.loginPath} className="inline-block py-0.5 link">
              Google or GitHub
            </Link>
            ) or{" "}
            <Link href="/interview" className="inline-block py-0.5 link">
              the interview room
            </Link>
            .
          </p>
          <button
            type="button"
            className="ml-auto btn-secondary min-h-6 px-2 py-0.5 text-xs"
            onClick={() => recordTour("closed")}
          >
            Hide
          </button>
        </>
      )}
    </nav>
  );
}
