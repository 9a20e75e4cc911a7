import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { tokenAtRest } from "@/lib/auth/oauth/accounts";
import { isHttps } from "@/lib/env";
import type { LabBrowser } from "@/lib/lab/client/browser";
import { type ProviderSignIn } from "@/lib/lab/people";
import { appUrl } from "@/lib/lab/client/send";
import { cut } from "@/lib/auth/oauth/flow-log";
import { splitToken } from "@/lib/tokens/anatomy";
import { checkIdTokenSignature, storedIdToken } from "@/lib/tokens/sources";
import { delegatedExperiment } from "./delegated";
import { randomBytes } from "node:crypto";
import { type Probe, probeOf } from "@/lib/lab/client/probe";
import { jsonOf, send } from "@/lib/lab/client/send";
import { providerClient } from "@/lib/auth/oauth/providers";
import { LOCAL_CLIENTS } from "@/lib/auth/oauth/local-idp";
import { attackVerdict, demonstrationVerdict, type Fact, type Verdict } from "./result";

// The OAuth claims, proved on a real sign-in: the authorization request's parameters and a
// callback with a tampered state; the ID token (identity, for the app) next to the access token
// (authorization, at the provider); and where the provider's tokens live.

type Shown = { probes: Probe[]; facts: Fact[]; verdict: Verdict };

const AUTHORIZATION_NOTES: Record<string, string> = {
  response_type: "code: the browser only ever carries a one-time code, never a token.",
  code_challenge:
    "PKCE: the SHA-256 of a verifier the server keeps; a stolen code is useless without it.",
  code_challenge_method: "S256, never plain.",
  state: "Random, kept in an encrypted cookie: the callback must bring it back (CSRF).",
  nonce: "Random: the ID token must carry it back (replay).",
  redirect_uri: "Registered exactly: the code can't be sent elsewhere.",
};

/**
 * What a thief holding a sign-in's code (from a leaked redirect, a log, a proxy) does with it:
 * redeem it at the provider's token endpoint with the client's credentials (the local ones are
 * public) but without the verifier only the app holds. PKCE refuses it: invalid_grant.
 */
async function redeemStolenCode(callbackUrl: string, verifier: string | null): Promise<Probe> {
  const { issuer, clientId } = providerClient("google");
  const discovery = jsonOf(await send(`${issuer}/.well-known/openid-configuration`));
  const tokenEndpoint = String(discovery?.token_endpoint ?? `${issuer}/token`);
  const code = new URL(callbackUrl).searchParams.get("code") ?? "";
  const answer = await send(tokenEndpoint, {
    method: "POST",
    fromServer: true,
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${LOCAL_CLIENTS.google.clientSecret}`).toString("base64")}`,
    },
    form: {
      grant_type: "authorization_code",
      code,
      redirect_uri: appUrl("/api/auth/callback/google"),
      ...(verifier === null ? {} : { code_verifier: verifier }),
    },
  });
  return probeOf(answer, {
    label:
      verifier === null
        ? "A stolen code, redeemed with no code_verifier"
        : "A stolen code, redeemed with a guessed code_verifier",
    method: "POST",
    expected: 400,
    sent: [
      { name: "code", value: cut(code) },
      {
        name: "code_verifier",
        value: verifier === null ? "(none)" : cut(verifier),
        changed: verifier === null ? undefined : cut(verifier),
      },
    ],
  });
}

/**
 * The provider's redirect back to this app, its state changed, sent by the browser whose sign-in
 * it was: refused (a redirect with an error) before the code is redeemed, or not.
 */
export async function forgedStateProbe(
  browser: LabBrowser,
  callbackUrl: string,
  label: string,
): Promise<{ probe: Probe; refused: boolean; status: number }> {
  const forged = new URL(callbackUrl);
  const state = forged.searchParams.get("state") ?? "";
  forged.searchParams.set("state", `${state.slice(0, -4)}AAAA`);
  const answer = await browser.request(forged.href);
  const location = answer.headers.get("location") ?? "";
  const refused = answer.status >= 300 && answer.status < 400 && /error=/.test(location);
  const probe = probeOf(answer, {
    label,
    method: "GET",
    expected: answer.status >= 300 && answer.status < 400 ? answer.status : 302,
    sent: [{ name: "state", value: cut(forged.searchParams.get("state") ?? ""), changed: "AAAA" }],
  });
  return {
    probe: {
      ...probe,
      asExpected: refused,
      // Auth.js names every failed check "Configuration" in its redirect: say what it was.
      message: refused
        ? "refused: the state doesn't match the one this browser's sign-in started with"
        : probe.message,
    },
    refused,
    status: answer.status,
  };
}

export async function oauthFlowExperiment(
  signIn: ProviderSignIn,
  tampered: { browser: LabBrowser; callbackUrl: string },
  /** The callbacks of two more sign-ins, stopped before the app redeemed their codes. */
  stolen: [string, string],
): Promise<Shown> {
  const request = new URL(signIn.authorizationUrl);
  const facts: Fact[] = [...request.searchParams]
    .filter(([name]) => name in AUTHORIZATION_NOTES)
    .map(([name, value]) => ({
      name,
      value: name === "state" || name === "nonce" ? cut(value) : value,
      note: AUTHORIZATION_NOTES[name],
    }));
  const { probe, refused } = await forgedStateProbe(
    tampered.browser,
    tampered.callbackUrl,
    "The provider's callback, its state changed",
  );
  const redemptions = [
    await redeemStolenCode(stolen[0], randomBytes(32).toString("base64url")),
    await redeemStolenCode(stolen[1], null),
  ];
  const checked = redemptions.map((redeemed) => ({
    ...redeemed,
    asExpected: redeemed.status === 400 && redeemed.code === "invalid_grant",
  }));
  const s256 = facts.some((fact) => fact.name === "code_challenge_method" && fact.value === "S256");
  const pkceHeld = checked.every((redeemed) => redeemed.asExpected);
  return {
    probes: [probe, ...checked],
    facts,
    verdict: attackVerdict(refused && s256 && pkceHeld, {
      refused: [
        "Authorization code with PKCE; a forged callback and stolen codes refused",
        "The real authorization request asked for a code (not a token) with an S256 challenge, a state and a nonce. A callback whose state doesn't match this browser's is refused before its code is exchanged, and a stolen code redeemed without the app's code_verifier (a guessed one, or none) gets invalid_grant from the provider.",
      ],
      worked: [
        "The flow is missing a check",
        [
          s256 ? null : "the authorization request did not use PKCE with S256",
          refused ? null : "a callback with a changed state was accepted",
          pkceHeld
            ? null
            : `a stolen code redeemed without the verifier was not refused with invalid_grant (${checked.map((r) => `${r.status} ${r.code ?? ""} ${r.message ?? ""}`.trim()).join("; ")})`,
        ]
          .filter(Boolean)
          .join("; ")
          .replace(/^./, (first) => first.toUpperCase()) + ".",
      ],
    }),
  };
}

export async function idTokenExperiment(userId: string): Promise<Shown> {
  const token = await storedIdToken(userId);
  const split = token ? splitToken(token) : null;
  if (!token || !split)
    return {
      probes: [],
      facts: [],
      verdict: {
        outcome: "nothing-to-try",
        headline: "No ID token",
        reason: "Sign in with Google: GitHub speaks plain OAuth 2.0 and gives none.",
      },
    };
  const signature = await checkIdTokenSignature(token);
  const claim = (name: string) => String(split.payload[name] ?? "(none)");
  const account = await tokenAtRest(userId, "google");
  const facts: Fact[] = [
    { name: "ID token: iss", value: claim("iss"), note: "The provider that signed it." },
    {
      name: "ID token: aud",
      value: claim("aud"),
      note: "Auth Lab's client id: it was made for this app.",
    },
    { name: "ID token: sub", value: claim("sub"), note: "Who the person is at the provider." },
    {
      name: "ID token: nonce",
      value: cut(claim("nonce")),
      note: "Bound to the sign-in that asked for it.",
    },
    { name: "ID token: exp", value: new Date(Number(split.payload.exp) * 1000).toISOString() },
    {
      name: "ID token: signature",
      value: signature.valid
        ? `valid (${String(split.header.alg)}, kid ${String(split.header.kid)})`
        : `refused: ${signature.reason}`,
      note: "Checked against the provider's published keys.",
    },
    {
      name: "The access token beside it",
      value: account?.accessToken
        ? `opaque, stored encrypted (${account.accessToken.slice(0, 3)}…), scope ${account.scope}`
        : "none",
      note: "For calling the provider's API as the person. It says nothing to Auth Lab about who they are.",
    },
  ];
  return {
    probes: [],
    facts,
    verdict: demonstrationVerdict(signature.valid, {
      held: [
        "Identity for the app, authorization at the provider",
        "OAuth alone hands the app an access token: permission to call an API, not a statement of who signed in. OpenID Connect adds the ID token: signed by the provider, addressed to this app, naming the person, bound to this sign-in by its nonce.",
      ],
      failed: [
        "The ID token's signature failed",
        "The stored ID token did not verify against the provider's published keys: nothing it says about who signed in can be trusted.",
      ],
    }),
  };
}

export async function providerTokensExperiment(
  userId: string,
  browser: LabBrowser,
): Promise<Shown> {
  const names = cookieNames(isHttps());
  const held = browser.cookieHeader(appUrl("/"));
  const heldNames = held.split("; ").map((pair) => pair.split("=")[0]);
  const sessionCookie = browser.cookie(appUrl("/"), names.oauthSession) ?? "";
  const account = await tokenAtRest(userId);
  const delegated = await delegatedExperiment(userId);
  const encrypted = account?.accessToken?.startsWith("v1.") ?? false;
  const facts: Fact[] = [
    {
      name: "Cookies the browser holds",
      value: heldNames.join(", "),
      note: "One opaque Auth.js session token. No provider token ever reaches the browser.",
    },
    {
      name: "The session cookie's value",
      value: `${sessionCookie.slice(0, 6)}…(${sessionCookie.length} chars), ${sessionCookie.startsWith("eyJ") ? "a JWT" : "random, not a JWT"}`,
    },
    {
      name: `The ${account?.provider ?? "provider"} access token, as stored`,
      value: account?.accessToken ? `${account.accessToken.slice(0, 3)}… (AES-256-GCM)` : "none",
      note: "Encrypted at rest under a key derived from AUTH_SECRET: a leaked table alone is useless.",
    },
  ];
  const opaque = !sessionCookie.startsWith("eyJ");
  const called = delegated.probes.every((p) => p.status === 200);
  return {
    probes: delegated.probes,
    facts,
    verdict: demonstrationVerdict(encrypted && opaque && called, {
      held: [
        "Provider tokens stay on the server",
        "The browser holds only an opaque session cookie; the server keeps the provider's tokens encrypted and uses them itself (the call above), so an XSS on the page has no provider token to steal.",
      ],
      failed: !encrypted
        ? [
            "A provider token is stored in the clear",
            "The stored access token is not encrypted: a leaked table would hand it over.",
          ]
        : !opaque
          ? [
              "The session cookie carries data",
              "The browser's session cookie looks like a JWT, not an opaque token.",
            ]
          : [
              "The provider call failed",
              "The server could not use the stored token at the provider (see the request above).",
            ],
    }),
  };
}
