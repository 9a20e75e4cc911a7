import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordSignInPage } from "@/app/_components/sign-in-page";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInWithSession } from "./actions";

export const metadata: Metadata = { title: "Sign in with a server session" };

export default async function SessionLoginPage({ searchParams }: PageProps<"/session/login">) {
  const params = await searchParams;
  const next = safeNextPath(params.next, "/session");
  if ((await getCurrentSession()).session) redirect(next);
  return (
    <PasswordSignInPage
      strategy="session"
      title="Sign in with a server session"
      intro="The server creates a session row and your browser gets a sealed, HttpOnly cookie that points to it."
      action={signInWithSession}
      next={next}
      reason={params.reason}
    />
  );
}
