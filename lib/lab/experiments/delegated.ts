import "server-only";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { callProviderApi } from "@/lib/auth/oauth/delegated";
import { PROVIDERS } from "@/lib/auth/names";
import type { Verdict } from "./result";
import type { Probe } from "@/lib/lab/client/probe";

// Delegated authorization: with the token the person granted, the server calls the provider's API
// on their behalf. The scopes say what it may do; the answer is about the person, not about us.

function summary(data: unknown): string {
  if (Array.isArray(data))
    return `${data.length} repositories, e.g. ${String((data[0] as { full_name?: string })?.full_name ?? "none")}`;
  const email = (data as { email?: string } | null)?.email;
  return email ? `userinfo for ${email}` : "an answer";
}

export async function delegatedExperiment(
  userId: string,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const accounts = await listLinkedAccounts(userId);
  const probes = await Promise.all(
    accounts.map(async (account): Promise<Probe> => {
      const call = await callProviderApi(userId, account.provider);
      const url = new URL(call.endpoint);
      return {
        label: `${PROVIDERS[account.provider]} API with the stored token (scopes: ${account.scopes.join(" ")})`,
        method: "GET",
        path: `${url.origin}${url.pathname}`,
        sent: [
          { name: "Authorization", value: "Bearer (the provider's token, held by the server)" },
        ],
        status: call.ok ? call.status : 502,
        expected: 200,
        code: null,
        message: call.ok ? summary(call.data) : call.message,
        asExpected: call.ok,
        curl: `curl -i -H "Authorization: Bearer $PROVIDER_ACCESS_TOKEN" '${call.endpoint}'`,
      };
    }),
  );
  const worked = probes.length > 0 && probes.every((p) => p.asExpected);
  return {
    probes,
    verdict: worked
      ? {
          outcome: "worked",
          headline: "The provider answered for you",
          reason:
            "With the token you granted, the server called the provider's API on your behalf, within the scopes you allowed: that is OAuth's job (authorization). Signing you in is what OpenID Connect adds on top.",
        }
      : {
          outcome: "refused",
          headline: "The provider refused",
          reason:
            "The stored token was refused (expired or revoked at the provider): sign in with it again.",
        },
  };
}
