import "server-only";
import type { EverywhereScope } from "@/lib/auth/account/everywhere";
import type { PendingStep } from "@/lib/auth/account/pending-step";
import { PROVIDERS } from "@/lib/auth/names";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { passkeysOf } from "@/lib/auth/passkey/passkeys";

// What the confirmation page is about to do, in the person's words ("unlink GitHub"), checked
// against their account first: a link from anywhere can name a provider that isn't linked or a
// passkey that isn't theirs, and the page should say so rather than offer a button that fails.

const EVERYWHERE: Record<EverywhereScope, string> = {
  account: "sign out everywhere, under every strategy, this browser included",
  session: "end every server session of yours, this browser's included",
  "session-others": "end every other server session of yours",
  jwt: "revoke every JWT sign-in of yours, this browser's included",
  oauth: "end every provider session of yours, this browser's included",
};

export type StepWords = { ok: true; text: string } | { ok: false; problem: string };

const ok = (text: string): StepWords => ({ ok: true, text });
const problem = (text: string): StepWords => ({ ok: false, problem: text });

export async function stepInWords(step: PendingStep, userId: string): Promise<StepWords> {
  switch (step.action) {
    case "link":
    case "unlink": {
      const name = PROVIDERS[step.provider];
      const linked = (await listLinkedAccounts(userId)).some(
        (account) => account.provider === step.provider,
      );
      if (step.action === "link")
        return linked
          ? problem(`${name} is already linked to your account.`)
          : ok(`link ${name} to your account`);
      return linked
        ? ok(`unlink ${name}`)
        : problem(`${name} is not linked to your account, so there is nothing to unlink.`);
    }
    case "remove-passkey": {
      const passkey = (await passkeysOf(userId)).find((each) => each.id === step.passkey);
      return passkey
        ? ok(`remove the passkey “${passkey.name}”`)
        : problem("That passkey is not one of yours, or it has been removed already.");
    }
    case "sign-out-everywhere":
      return ok(EVERYWHERE[step.via]);
  }
}
