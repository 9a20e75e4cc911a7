import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { LOCAL_CLIENTS } from "@/lib/auth/oauth/local-idp";
import { providerClient } from "@/lib/auth/oauth/providers";
import { cut } from "@/lib/auth/oauth/flow-log";
import { LabBrowser } from "@/lib/lab/client/browser";
import { type Probe, probeOf } from "@/lib/lab/client/probe";
import { appUrl, jsonOf, send } from "@/lib/lab/client/send";
import { authorizeAtProvider, startProviderSignIn } from "@/lib/lab/people";
import type { FlowChange } from "./flow-changes";
import { forgedStateProbe } from "./oauth";
import { attackVerdict, type Fact, type Verdict } from "./result";

// oauth.tools' "change a parameter and run it again", against the local identity provider: an
// authorization code flow in which one thing is changed, and who refuses it. For the provider's
// own checks (PKCE required, the registered redirect_uri, a code used once) the server plays the
// client itself, with the local Google client's credentials (public: local-idp.ts); the state is
// the client's check, so that one goes through this app's own sign-in (Auth.js).

type Ran = { probes: Probe[]; facts: Fact[]; verdict: Verdict };
type Identity = { name: string; email: string };

const base64url = (bytes: Buffer) => bytes.toString("base64url");

async function endpoints() {
  const { issuer, clientId } = providerClient("google");
  const discovery = jsonOf(await send(`${issuer}/.well-known/openid-configuration`)) ?? {};
  const at = (name: string, fallback: string) => String(discovery[name] ?? `${issuer}${fallback}`);
  return {
    clientId,
    authorization: at("authorization_endpoint", "/auth"),
    token: at("token_endpoint", "/token"),
    userinfo: at("userinfo_endpoint", "/me"),
  };
}

/** An authorization request as this app's sign-in makes it, with a verifier of our own. */
function authorizationRequest(endpoint: string, clientId: string) {
  const verifier = base64url(randomBytes(32));
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id: clientId,
    redirect_uri: appUrl("/api/auth/callback/google"),
    scope: "openid email profile",
    state: base64url(randomBytes(16)),
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
  }))
    url.searchParams.set(name, value);
  return { url, verifier };
}

async function redeem(tokenEndpoint: string, code: string, verifier: string, label: string) {
  const { clientId, clientSecret } = LOCAL_CLIENTS.google;
  const answer = await send(tokenEndpoint, {
    method: "POST",
    fromServer: true,
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    },
    form: {
      grant_type: "authorization_code",
      code,
      redirect_uri: appUrl("/api/auth/callback/google"),
      code_verifier: verifier,
    },
  });
  return { answer, label };
}

async function dropPkce(): Promise<Ran> {
  const { authorization, clientId } = await endpoints();
  const { url } = authorizationRequest(authorization, clientId);
  url.searchParams.delete("code_challenge");
  url.searchParams.delete("code_challenge_method");
  const answer = await new LabBrowser().request(url.href);
  const back = new URL(answer.headers.get("location") ?? "about:blank");
  const refused =
    answer.status === 303 &&
    back.searchParams.get("error") === "invalid_request" &&
    !back.searchParams.has("code");
  const probe = probeOf(answer, {
    label: "The authorization request, without code_challenge",
    method: "GET",
    expected: 303,
    sent: [{ name: "code_challenge", value: "(none)", changed: "(none)" }],
  });
  return {
    probes: [
      {
        ...probe,
        asExpected: refused,
        message: back.searchParams.get("error_description") ?? probe.message,
      },
    ],
    facts: [],
    verdict: attackVerdict(refused, {
      refused:
        "The provider sent the browser back with invalid_request and no code: it requires PKCE of this client, so a flow without a code_challenge never yields a code to steal.",
      worked: `The provider answered ${answer.status} without refusing: a code can be had without PKCE.`,
    }),
  };
}

async function otherRedirect(): Promise<Ran> {
  const { authorization, clientId } = await endpoints();
  const { url } = authorizationRequest(authorization, clientId);
  const elsewhere = "https://attacker.example/callback";
  url.searchParams.set("redirect_uri", elsewhere);
  const answer = await new LabBrowser().request(url.href);
  const refused = answer.status === 400 && !answer.headers.get("location");
  const probe = probeOf(answer, {
    label: "The authorization request, redirect_uri changed",
    method: "GET",
    expected: 400,
    sent: [{ name: "redirect_uri", value: elsewhere, changed: elsewhere }],
  });
  return {
    probes: [
      {
        ...probe,
        asExpected: refused,
        message: refused
          ? "an error page at the provider: the redirect_uri is not one this client registered"
          : probe.message,
      },
    ],
    facts: [],
    verdict: attackVerdict(refused, {
      refused:
        "The provider showed an error page and sent nobody anywhere: a redirect_uri must match a registered one exactly, so a code is never delivered to an address the attacker chose.",
      worked: `The provider answered ${answer.status}${answer.headers.get("location") ? `, redirecting to ${answer.headers.get("location")}` : ""}: codes can be sent to an unregistered address.`,
    }),
  };
}

async function reuseCode(identity: Identity): Promise<Ran> {
  const { authorization, token, userinfo, clientId } = await endpoints();
  const { url, verifier } = authorizationRequest(authorization, clientId);
  const callback = new URL(await authorizeAtProvider(new LabBrowser(), url.href, identity));
  const code = callback.searchParams.get("code") ?? "";
  const first = await redeem(token, code, verifier, "The code, redeemed by the client");
  const accessToken = String(jsonOf(first.answer)?.access_token ?? "");
  const second = await redeem(token, code, verifier, "The same code, redeemed again");
  const after = await send(userinfo, {
    fromServer: true,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const sent = [
    { name: "code", value: cut(code) },
    { name: "code_verifier", value: cut(verifier) },
  ];
  const probes = [
    probeOf(first.answer, { label: first.label, method: "POST", expected: 200, sent }),
    probeOf(second.answer, { label: second.label, method: "POST", expected: 400, sent }),
    probeOf(after, {
      label: "The first access token, at the provider's userinfo, after the reuse",
      method: "GET",
      expected: 401,
      sent: [{ name: "Authorization", value: `Bearer ${cut(accessToken)}` }],
    }),
  ];
  const refused = first.answer.status === 200 && probes[1]!.code === "invalid_grant";
  const revoked = after.status === 401;
  return {
    probes,
    facts: [],
    verdict: attackVerdict(refused, {
      refused: `The second redemption got invalid_grant: a code is good once. ${revoked ? "The provider also revoked the access token the first redemption issued (RFC 6749 §4.1.2: a reused code may mean it was stolen, so what it bought is withdrawn)." : `The access token the first redemption issued still works at userinfo (${after.status}): this provider doesn't withdraw it.`}`,
      worked:
        first.answer.status === 200
          ? `The same code was redeemed twice (${second.answer.status}).`
          : `The first redemption itself failed (${first.answer.status}), so reuse could not be tried.`,
    }),
  };
}

async function wrongState(identity: Identity): Promise<Ran> {
  const browser = new LabBrowser();
  const { callbackUrl } = await startProviderSignIn(browser, "google", identity);
  const { probe, refused, status } = await forgedStateProbe(
    browser,
    callbackUrl,
    "This app's callback, its state changed",
  );
  return {
    probes: [probe],
    facts: [],
    verdict: attackVerdict(refused, {
      refused:
        "The app refused the callback before redeeming its code: the state must be the one this browser's sign-in started with (kept in an encrypted cookie), so nobody can finish a sign-in in your browser that you didn't start (login CSRF).",
      worked: `The app answered ${status} to a callback with another state.`,
    }),
  };
}

/** Runs the flow with `change` made, as `identity` at the local provider. */
export function replayFlow(change: FlowChange, identity: Identity): Promise<Ran> {
  switch (change) {
    case "drop-pkce":
      return dropPkce();
    case "redirect-uri":
      return otherRedirect();
    case "reuse-code":
      return reuseCode(identity);
    case "wrong-state":
      return wrongState(identity);
  }
}
