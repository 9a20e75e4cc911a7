import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemoPeople } from "@/app/_components/demo-people";
import { SignInForm } from "@/app/_components/sign-in-form";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInWithJwt } from "./actions";

export const metadata: Metadata = { title: "Sign in with JWT" };

export default async function JwtLoginPage({ searchParams }: PageProps<"/jwt/login">) {
  const next = safeNextPath((await searchParams).next, "/jwt");
  if ((await getCurrentJwt()).ok) redirect(next);
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-[1fr_16rem]">
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="flex items-center gap-2 text-2xl font-bold">
            <StrategyDot id="jwt" /> Sign in with JWT
          </h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            You get a short-lived signed access token and a rotating refresh token, both in HttpOnly
            cookies. API clients use <code className="font-mono text-sm">POST /api/jwt/token</code>{" "}
            instead.
          </p>
        </header>
        <SignInForm action={signInWithJwt} next={next} submitLabel="Sign in" />
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
