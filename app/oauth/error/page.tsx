import type { Metadata } from "next";
import Link from "next/link";
import { OAuthErrorMessage } from "../_components/error-message";
import { STRATEGIES } from "@/lib/auth/names";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function OAuthErrorPage({ searchParams }: PageProps<"/oauth/error">) {
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Sign-in problem</h1>
      <OAuthErrorMessage code={typeof error === "string" ? error : "Default"} />
      <Link href={STRATEGIES.oauth.loginPath} className="link">
        Back to sign-in
      </Link>
    </div>
  );
}
