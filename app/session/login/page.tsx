import type { Metadata } from "next";
import { PasswordSignInPage } from "@/app/_components/sign-in-page";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { signInWithSession } from "./actions";

export const metadata: Metadata = { title: "Sign in with a server session" };

export default function SessionLoginPage({ searchParams }: PageProps<"/session/login">) {
  return (
    <PasswordSignInPage
      strategy="session"
      title="Sign in with a server session"
      intro="The server creates a session row and your browser gets a sealed, HttpOnly cookie that points to it."
      action={signInWithSession}
      searchParams={searchParams}
      signedIn={async () => Boolean((await getCurrentSession()).session)}
    />
  );
}
