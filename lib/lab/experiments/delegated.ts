import "server-only";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { callProviderApi } from "@/lib/auth/oauth/delegated";
import type { ProviderId } from "@/lib/auth/oauth/providers";
import type { Probe } from "./self-request";

// Delegated authorization: with the token the person granted, the server calls the provider's API
// on their behalf. The scopes say what it may do; the answer is about the person, not about us.

function summary(data: unknown): string {
  if (Array.isArray(data))
    return `${data.length} repositories, e.g. ${String((data[0] as { full_name?: string })?.full_name ?? "none")}`;
  const email = (data as { email?: string } | null)?.email;
  return email ? `userinfo for ${email}` : "an answer";
}

export async function delegatedExperiment(userId: string): Promise<Probe[]> {
  const accounts = await listLinkedAccounts(userId);
  return Promise.all(
    accounts.map(async (account): Promise<Probe> => {
      const call = await callProviderApi(userId, account.provider as ProviderId);
      return {
        label: `${account.provider === "github" ? "GitHub" : "Google"} API with the stored token (scopes: ${account.scopes.join(" ")})`,
        request: `GET ${call.endpoint}`,
        status: call.ok ? call.status : 502,
        expected: 200,
        code: null,
        message: call.ok ? summary(call.data) : call.message,
      };
    }),
  );
}
