import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordSignInPage } from "@/app/_components/sign-in-page";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInWithJwt } from "./actions";

export const metadata: Metadata = { title: "Sign in with JWT" };

export default async function JwtLoginPage({ searchParams }: PageProps<"/jwt/login">) {
  const params = await searchParams;
  const next = safeNextPath(params.next, "/jwt");
  if ((await getCurrentJwt()).ok) redirect(next);
  return (
    <PasswordSignInPage
      strategy="jwt"
      title="Sign in with JWT"
      intro={
        <>
          You get a short-lived signed access token and a rotating refresh token, both in HttpOnly
          cookies. API clients use <code className="font-mono text-sm">POST /api/jwt/token</code>{" "}
          instead.
        </>
      }
      action={signInWithJwt}
      next={next}
      reason={params.reason}
    />
  );
}
