import "server-only";
import { decodeJwt } from "jose";
import { cookieNames } from "@/lib/auth/names";
import { endOAuthSession } from "@/lib/auth/oauth/sessions";
import { isHttps } from "@/lib/env";
import type { Verdict } from "./result";
import { type Probe, selfRequest, withBearer, withCookie } from "@/lib/lab/client/probe";

// Replay after sign-out: keep a copy of each credential this browser holds, sign out, then
// present the copies again. Server state refuses at once (session, Auth.js); the app's checked
// JWT verifier refuses too, but a service that only checks signatures accepts the copied access
// token until it expires.

export type ReplayResult = {
  probes: Probe[];
  verdict: Verdict;
  downstreamAcceptsUntil: number | null;
};

export async function replayExperiment(cookies: Map<string, string>): Promise<ReplayResult> {
  const names = cookieNames(isHttps());
  const probes: Probe[] = [];
  let downstreamAcceptsUntil: number | null = null;

  const seal = cookies.get(names.session);
  if (seal) {
    const carried = withCookie(names.session, seal, "$SESSION_COOKIE");
    probes.push(
      await selfRequest({
        label: "Session: sign out",
        method: "POST",
        path: "/api/session/logout",
        expected: 204,
        ...carried,
        curlHeaders: { ...carried.curlHeaders, origin: "$APP_URL" },
      }),
    );
    probes.push(
      await selfRequest({
        label: "Session: replay the copied cookie",
        method: "GET",
        path: "/api/session/me",
        expected: 401,
        ...carried,
      }),
    );
  }

  const access = cookies.get(names.jwtAccess);
  if (access) {
    const carried = withBearer(access);
    probes.push(
      await selfRequest({
        label: "JWT: sign out",
        method: "POST",
        path: "/api/jwt/logout",
        expected: 204,
        ...carried,
      }),
    );
    probes.push(
      await selfRequest({
        label: "JWT: replay to the app (checked verifier)",
        method: "GET",
        path: "/api/jwt/me",
        expected: 401,
        ...carried,
      }),
    );
    const downstream = await selfRequest({
      label: "JWT: replay to a downstream service (signature only)",
      method: "GET",
      path: "/api/downstream/profile",
      // The lesson: a stateless verifier can't know about the sign-out.
      expected: 200,
      ...carried,
    });
    probes.push(downstream);
    if (downstream.status === 200) downstreamAcceptsUntil = decodeJwt(access).exp ?? null;
  }

  const oauth = cookies.get(names.oauthSession);
  if (oauth) {
    // Auth.js's own sign-out is a form with its CSRF token; ending the session row is what it does.
    await endOAuthSession(oauth);
    probes.push(
      await selfRequest({
        label: "OAuth: replay the copied Auth.js cookie after sign-out",
        method: "GET",
        path: "/api/oauth/me",
        expected: 401,
        ...withCookie(names.oauthSession, oauth, "$AUTHJS_SESSION_COOKIE"),
      }),
    );
  }

  const server = probes.filter((p) => p.path !== "/api/downstream/profile" && p.status >= 400);
  const verdict: Verdict =
    downstreamAcceptsUntil !== null
      ? {
          outcome: "partly",
          headline: "Refused by the app, accepted by a stateless service",
          reason: `Every copy was refused where the server keeps state (${server.length} refusals: the session and Auth.js rows are gone, and the checked verifier finds the token's jti denylisted). A service that only checks the signature accepted the copied access token, and will until it expires.`,
        }
      : {
          outcome: "refused",
          headline: "Attack refused",
          reason:
            "Every copied credential was refused after sign-out: the server state it pointed to is gone.",
        };
  return { probes, verdict, downstreamAcceptsUntil };
}
