import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemoPeople } from "@/app/_components/demo-people";
import { SignInForm } from "@/app/_components/sign-in-form";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInWithSession } from "./actions";

export const metadata: Metadata = { title: "Sign in with a server session" };

export default async function SessionLoginPage({ searchParams }: PageProps<"/session/login">) {
  const next = safeNextPath((await searchParams).next, "/session");
  if ((await getCurrentSession()).session) redirect(next);
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-[1fr_16rem]">
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="flex items-center gap-2 text-2xl font-bold">
            <StrategyDot id="session" /> Sign in with a server session
          </h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            The server creates a session row and your browser gets a sealed, HttpOnly cookie that
            points to it.
          </p>
        </header>
        <SignInForm action={signInWithSession} next={next} submitLabel="Sign in" />
        <p className="text-sm">
          No account yet?{" "}
          <Link href="/register" className="link">
            Create one
          </Link>
        </p>
      </div>
      <DemoPeople />
    </div>
  );
}
