import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { SignedOutNotice } from "@/app/_components/sign-in-page";
import { redirect } from "next/navigation";
import { getStrategy } from "@/lib/auth/strategies";
import { localProviderReachable, providerInfo } from "@/lib/auth/oauth/providers";
import { getEnv } from "@/lib/env";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { OAuthErrorMessage } from "../_components/error-message";
import { OAuthNotConfigured } from "../_components/not-configured";
import { ProviderButtons } from "../_components/provider-buttons";
import { ProviderMemory } from "../_components/provider-memory";
import { FlowLogView } from "../_components/flow-log";
import { readFlowLog } from "@/lib/auth/oauth/flow-log";

export const metadata: Metadata = { title: "Sign in with Google or GitHub" };

export default async function OAuthLoginPage({ searchParams }: PageProps<"/oauth/login">) {
  const params = await searchParams;
  const next = safeNextPath(params.next ?? params.callbackUrl, "/oauth/account");
  if (await getStrategy("oauth").currentUser()) redirect(next);
  const error = typeof params.error === "string" ? params.error : null;
  const offered = providerInfo();
  const local = offered.some((provider) => provider.local);
  const log = error ? await readFlowLog() : null;
  // A failed sign-in with the local provider down says so, not "an expired link".
  const unreachable = error && local ? (await localProviderReachable()) === false : false;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader strategy="oauth" title="Sign in with Google or GitHub">
        <p className="text-zinc-600 dark:text-zinc-400">
          The provider checks who you are and sends you back with a one-time code; Auth Lab never
          sees a password.
        </p>
        {local ? (
          <p className="rounded-lg border border-dashed border-amber-400 p-3 text-sm">
            This uses Auth Lab&apos;s <strong>local identity provider</strong>, which plays Google
            and GitHub on this machine: no real account is involved. Set <code>AUTH_GOOGLE_ID</code>
            /<code>AUTH_GITHUB_ID</code> to use the real ones.
          </p>
        ) : null}
      </PageHeader>
      <SignedOutNotice reason={params.reason} />
      <ProviderMemory
        signedOut={params["signed-out"] === "1"}
        signedOutAt={params["signed-out-at"]}
      />
      {unreachable ? (
        <div
          role="alert"
          className="rounded-lg border border-danger p-3 text-sm"
          data-testid="idp-unreachable"
        >
          <p className="font-semibold">The local identity provider isn&apos;t running</p>
          <p>
            Nothing answers at <code>{getEnv().OAUTH_LOCAL_IDP_URL}</code>, so the sign-in could not
            reach it. <code>npm run dev</code> starts it with the app; beside <code>npm start</code>
            , run <code>npm run idp</code>. Sessions and JWTs work meanwhile.
          </p>
        </div>
      ) : error ? (
        <OAuthErrorMessage code={error} />
      ) : null}
      {offered.length > 0 ? <ProviderButtons next={next} /> : <OAuthNotConfigured />}
      {error && log?.outcome ? <FlowLogView log={log} hideIdentity /> : null}
    </div>
  );
}
