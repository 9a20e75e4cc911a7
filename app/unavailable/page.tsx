import type { Metadata } from "next";
import Link from "next/link";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { unavailableMessage } from "@/lib/store/errors";

export const metadata: Metadata = { title: "A store is unavailable" };

// Where a page sends someone when the store behind their sign-in can't be reached. The guard
// fails closed (nobody counts as signed in), and this says why, in words, with a way back.
export default async function UnavailablePage({ searchParams }: PageProps<"/unavailable">) {
  const { store, next } = await searchParams;
  const back = safeNextPath(next, "/");
  return (
    <div className="mx-auto max-w-md space-y-4" role="alert">
      <h1 className="text-2xl font-bold">Signing in is unavailable for a moment</h1>
      <p>{unavailableMessage(store === "database" ? "database" : "redis")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Sessions need their store on every request: while it is down nobody can be let in through
        it, but nothing is lost, and it recovers by itself. Stateless JWT verification, which needs
        no store, keeps working meanwhile.
      </p>
      <p>
        <Link href={back as never} className="btn-primary no-underline">
          Try again
        </Link>
      </p>
    </div>
  );
}
