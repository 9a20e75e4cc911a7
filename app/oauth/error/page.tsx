import type { Metadata } from "next";
import { DemoButton } from "@/app/_components/demo-button";
import { readFlowLog } from "@/lib/auth/oauth/flow-log";
import { FlowLogView } from "../_components/flow-log";
import { OAuthErrorMessage } from "../_components/error-message";
import { ProviderButtons } from "../_components/provider-buttons";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function OAuthErrorPage({ searchParams }: PageProps<"/oauth/error">) {
  const { error } = await searchParams;
  const log = await readFlowLog();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Sign-in problem</h1>
      <OAuthErrorMessage code={typeof error === "string" ? error : "Default"} />
      <div className="max-w-md space-y-3">
        <ProviderButtons next="/oauth/account" />
        <DemoButton next="/lab" label="Or look around as a demo person" className="btn-secondary" />
      </div>
      {log?.outcome ? <FlowLogView log={log} hideIdentity /> : null}
    </div>
  );
}
