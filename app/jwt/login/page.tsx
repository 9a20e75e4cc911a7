import type { Metadata } from "next";
import { PasswordSignInPage } from "@/app/_components/sign-in-page";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { signInWithJwt } from "./actions";

export const metadata: Metadata = { title: "Sign in with JWT" };

export default function JwtLoginPage({ searchParams }: PageProps<"/jwt/login">) {
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
      searchParams={searchParams}
      signedIn={async () => (await getCurrentJwt()).ok}
    />
  );
}
