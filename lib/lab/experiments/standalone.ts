import "server-only";
import { idsByEmail } from "@/lib/auth/account/person";
import { localProviderReachable, oauthConfigured } from "@/lib/auth/oauth/providers";
import { provenNow } from "@/lib/auth/proof";
import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { THROWAWAY_EMAIL_DOMAIN } from "@/lib/auth/throwaway";
import { anatomyExperiment } from "@/lib/lab/experiments/anatomy";
import { authzExperiment } from "@/lib/lab/experiments/authz";
import { crossSiteExperiment } from "@/lib/lab/experiments/cross-site";
import { fixationExperiment } from "@/lib/lab/experiments/fixation";
import { takeoverExperiment } from "@/lib/lab/experiments/takeover";
import { forgedAlgorithmExperiment } from "@/lib/lab/experiments/forged-alg";
import { hybridExperiment } from "@/lib/lab/experiments/hybrid";
import { kdfExperiment } from "@/lib/lab/experiments/kdf";
import { keyRotationExperiment } from "@/lib/lab/experiments/key-rotation";
import { jwksExperiment, statelessExperiment } from "@/lib/lab/experiments/keys";
import { killSwitchExperiment } from "@/lib/lab/experiments/kill-switch";
import {
  idTokenExperiment,
  oauthFlowExperiment,
  providerTokensExperiment,
} from "@/lib/lab/experiments/oauth";
import {
  cloneExperiment,
  forgedSignatureExperiment,
  passkeyReplayExperiment,
  phishingExperiment,
  userVerificationExperiment,
} from "@/lib/lab/experiments/passkey-attacks";
import { leakExperiment } from "@/lib/lab/experiments/passkey-leak";
import { refreshReuseExperiment } from "@/lib/lab/experiments/refresh-reuse";
import { replayExperiment } from "@/lib/lab/experiments/replay";
import { eventsSince } from "@/lib/auth/events";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import { sharedStoreExperiment } from "@/lib/lab/experiments/shared-store";
import { tamperExperiment } from "@/lib/lab/experiments/tamper";
import { xssExperiment } from "@/lib/lab/experiments/xss";
import { LabBrowser } from "@/lib/lab/client/browser";
import {
  localProviderAvailable,
  type ThrowawayPerson,
  signInOver,
  signInWithLocalProvider,
  startProviderSignIn,
  withThrowawayPeople,
} from "@/lib/lab/people";
import { appUrl } from "@/lib/lab/client/send";
import type { RequestContext } from "@/lib/request-context";
import type { StandaloneExperiment } from "./index";

// Experiments that run from any browser (the interview room's "Prove it"): throwaway people made
// for the occasion sign in through the real endpoints, the experiment runs on what they hold, and
// they are removed with every credential afterwards. The result reads like the lab's.

type Ran = Omit<ExperimentResult, "experiment" | "events" | "ranAt">;

type Kit = {
  people: ThrowawayPerson[];
  context: RequestContext;
  /** Someone the run makes another way (a provider sign-in), by email: removed afterwards too. */
  alsoRemove: (email: string) => void;
};

type Standalone = { people: number; run: (kit: Kit) => Promise<Ran> };

/** A browser signed in as `person` under each of `strategies`, with what it holds. */
async function signedIn(person: ThrowawayPerson, strategies: ("session" | "jwt")[]) {
  const browser = new LabBrowser();
  const setCookies: string[] = [];
  for (const strategy of strategies)
    setCookies.push(...(await signInOver(browser, strategy, person)).headers.getSetCookie());
  const held = browser.cookies(appUrl("/"));
  const names = cookieNames(isHttps());
  return {
    browser,
    held,
    setCookies,
    seal: held.get(names.session) ?? "",
    access: held.get(names.jwtAccess) ?? "",
  };
}

export const identity = () => {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `Throwaway identity ${tag.slice(0, 4)}`,
    email: `throwaway-idp-${tag}${THROWAWAY_EMAIL_DOMAIN}`,
  };
};

/** Why a provider experiment can't run here: no provider at all, real ones only, or the local one down. */
export async function needsProvider(): Promise<Ran | null> {
  const nothing = (headline: string, reason: string): Ran => ({
    probes: [],
    verdict: { outcome: "nothing-to-try", headline, reason },
  });
  if (!oauthConfigured())
    return nothing(
      "OAuth is not configured here",
      "Google and GitHub sign-in are not configured on this deployment, so there is no provider to sign in with. Sessions and JWTs work as usual.",
    );
  if (!localProviderAvailable())
    return nothing(
      "Needs a provider sign-in",
      "This deployment uses the real Google and GitHub, which need a person at the keyboard: sign in with one of them, then run the lab's version of this experiment.",
    );
  if ((await localProviderReachable()) === false)
    return nothing(
      "The local identity provider isn't running",
      "Nothing answers where the local identity provider should be: `npm run dev` starts it with the app; beside `npm start`, run `npm run idp`.",
    );
  return null;
}

/** A provider sign-in by a fresh identity, when the local identity provider can play Google. */
async function providerSignIn(kit: Kit) {
  const browser = new LabBrowser();
  const who = identity();
  kit.alsoRemove(who.email);
  const signIn = await signInWithLocalProvider(browser, "google", who);
  return { browser, signIn };
}

/**
 * Where the local provider can play Google, the same browser also signs in with it (a
 * provider-only person, removed afterwards too): its Auth.js session takes part.
 */
async function alsoWithProvider(browser: LabBrowser, kit: Kit): Promise<void> {
  if (!localProviderAvailable() || (await localProviderReachable()) === false) return;
  const who = identity();
  kit.alsoRemove(who.email);
  await signInWithLocalProvider(browser, "google", who);
}

const one = (run: (person: ThrowawayPerson, kit: Kit) => Promise<Ran>): Standalone => ({
  people: 1,
  run: (kit) => run(kit.people[0]!, kit),
});

const STANDALONE_RUNS: Record<StandaloneExperiment, Standalone> = {
  decode: one(async (person) =>
    anatomyExperiment((await signedIn(person, ["jwt"])).held, "decode"),
  ),
  sizes: one(async (person) =>
    anatomyExperiment((await signedIn(person, ["session", "jwt"])).held, "sizes"),
  ),
  tamper: one(async (person) =>
    tamperExperiment((await signedIn(person, ["session", "jwt"])).held),
  ),
  "forged-alg": one(async (person) => {
    await signedIn(person, ["jwt"]);
    return forgedAlgorithmExperiment(person.id);
  }),
  "stateless-verify": one(async (person) =>
    statelessExperiment((await signedIn(person, ["jwt"])).access),
  ),
  // Every strategy's copy, the Auth.js session's included wherever a provider can sign in here.
  replay: one(async (person, kit) => {
    const { browser } = await signedIn(person, ["session", "jwt"]);
    await alsoWithProvider(browser, kit);
    return replayExperiment(browser.cookies(appUrl("/")));
  }),
  denylist: one(async (person) => replayExperiment((await signedIn(person, ["jwt"])).held)),
  // A person made a moment ago (epoch 0): the second device's proof of identity is their sign-in's.
  "refresh-reuse": one(async (person, kit) =>
    refreshReuseExperiment(person.id, provenNow(0, "password"), kit.context),
  ),
  xss: one(async (person) => {
    const { browser, setCookies } = await signedIn(person, ["session", "jwt"]);
    return xssExperiment(browser, setCookies);
  }),
  "cross-site": one(async (person) =>
    crossSiteExperiment((await signedIn(person, ["session", "jwt"])).held),
  ),
  jwks: one(async (person) => jwksExperiment((await signedIn(person, ["jwt"])).access)),
  "kill-switch": one(async (person, kit) => {
    const laptop = await signedIn(person, ["session", "jwt"]);
    const phone = await signedIn(person, ["session", "jwt"]);
    return killSwitchExperiment(person.id, [laptop.held, phone.held], kit.context);
  }),
  kdf: one(async (person) => ({ probes: [], ...(await kdfExperiment(person.id)) })),
  takeover: one(async (person) => takeoverExperiment(person)),
  "shared-store": one(async (person) =>
    sharedStoreExperiment((await signedIn(person, ["session"])).seal),
  ),
  "key-rotation": one(async (person) => {
    const { access } = await signedIn(person, ["jwt"]);
    const claims = decodeJwt(access);
    return keyRotationExperiment({
      userId: person.id,
      familyId: String(claims.fam),
      epoch: Number(claims.ver),
      authTime: new Date(Number(claims.auth_time) * 1000),
    });
  }),
  // Both hybrids: the session's exchange, and the provider sign-in's.
  hybrid: one(async (person, kit) => {
    const { browser } = await signedIn(person, ["session"]);
    await alsoWithProvider(browser, kit);
    // Both sign-ins were just made by this run: both live.
    return hybridExperiment(browser.cookies(appUrl("/")), { session: true, oauth: true });
  }),
  fixation: {
    people: 2,
    run: ({ people: [attacker, victim] }) => fixationExperiment(attacker!, victim!),
  },
  authz: {
    people: 2,
    run: async ({ people: [alice, bob] }) => {
      const name = cookieNames(isHttps()).session;
      const [a, b] = await Promise.all([
        signedIn(alice!, ["session"]),
        signedIn(bob!, ["session"]),
      ]);
      return authzExperiment(`${name}=${a.seal}`, `${name}=${b.seal}`);
    },
  },
  // Passkeys: the person registers one with the software authenticator, then it is made to lie.
  "passkey-phishing": one(phishingExperiment),
  "passkey-forged": one(forgedSignatureExperiment),
  "passkey-uv": one(userVerificationExperiment),
  "passkey-clone": one(cloneExperiment),
  "passkey-replay": one(passkeyReplayExperiment),
  "passkey-leak": one(leakExperiment),
  "id-token": {
    people: 0,
    run: async (kit) => {
      const cannot = await needsProvider();
      if (cannot) return cannot;
      return idTokenExperiment((await providerSignIn(kit)).signIn.userId);
    },
  },
  "provider-tokens": {
    people: 0,
    run: async (kit) => {
      const cannot = await needsProvider();
      if (cannot) return cannot;
      const { browser, signIn } = await providerSignIn(kit);
      return providerTokensExperiment(signIn.userId, browser);
    },
  },
  "oauth-flow": {
    people: 0,
    run: async (kit) => {
      const cannot = await needsProvider();
      if (cannot) return cannot;
      const { signIn } = await providerSignIn(kit);
      // More sign-ins, stopped at the provider's redirect back: one callback gets a forged state,
      // two codes are redeemed by a "thief" without the app's code_verifier.
      const stopped = async () => {
        const browser = new LabBrowser();
        const who = identity();
        kit.alsoRemove(who.email);
        return { browser, ...(await startProviderSignIn(browser, "google", who)) };
      };
      const [tampered, first, second] = [await stopped(), await stopped(), await stopped()];
      return oauthFlowExperiment(signIn, tampered, [first.callbackUrl, second.callbackUrl]);
    },
  },
};

export async function runStandalone(
  name: StandaloneExperiment,
  context: RequestContext,
): Promise<ExperimentResult> {
  const standalone = STANDALONE_RUNS[name];
  const started = new Date(Date.now() - 1000);
  const emails: string[] = [];
  return withThrowawayPeople(standalone.people, context, async (people, alsoRemove) => {
    const ran = await standalone.run({
      people,
      context,
      alsoRemove: (email) => {
        emails.push(email);
        alsoRemove(email);
      },
    });
    const others = await idsByEmail(emails);
    return {
      experiment: name,
      ...ran,
      events: await eventsSince([...people.map((p) => p.id), ...others], started),
      ranAt: new Date().toISOString(),
    };
  });
}
