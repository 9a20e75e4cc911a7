import "server-only";
import { decodeJwt } from "jose";
import { cookieNames } from "@/lib/auth/names";
import { endOAuthSession } from "@/lib/auth/oauth/sessions";
import { isHttps } from "@/lib/env";
import { type Probe, selfRequest } from "./self-request";

// Replay after sign-out: keep a copy of each credential this browser holds, sign out, then
// present the copies again. Server state refuses at once (session, Auth.js); the app's checked
// JWT verifier refuses too, but a service that only checks signatures accepts the copied access
// token until it expires.

export type ReplayResult = { probes: Probe[]; downstreamAcceptsUntil: number | null };

export async function replayExperiment(cookies: Map<string, string>): Promise<ReplayResult> {
  const names = cookieNames(isHttps());
  const probes: Probe[] = [];
  let downstreamAcceptsUntil: number | null = null;

  const seal = cookies.get(names.session);
  if (seal) {
    const cookie = `${names.session}=${seal}`;
    probes.push(
      await selfRequest("Session: sign out", "POST", "/api/session/logout", { cookie }, 204),
    );
    probes.push(
      await selfRequest(
        "Session: replay the copied cookie",
        "GET",
        "/api/session/me",
        { cookie },
        401,
      ),
    );
  }

  const access = cookies.get(names.jwtAccess);
  if (access) {
    const authorization = `Bearer ${access}`;
    probes.push(
      await selfRequest("JWT: sign out", "POST", "/api/jwt/logout", { authorization }, 204),
    );
    probes.push(
      await selfRequest(
        "JWT: replay to the app (checked verifier)",
        "GET",
        "/api/jwt/me",
        { authorization },
        401,
      ),
    );
    const downstream = await selfRequest(
      "JWT: replay to a downstream service (signature only)",
      "GET",
      "/api/downstream/profile",
      { authorization },
      200,
    );
    probes.push(downstream);
    if (downstream.status === 200) downstreamAcceptsUntil = decodeJwt(access).exp ?? null;
  }

  const oauth = cookies.get(names.oauthSession);
  if (oauth) {
    // Auth.js's own sign-out is a form with its CSRF token; ending the session row is what it does.
    await endOAuthSession(oauth);
    probes.push(
      await selfRequest(
        "OAuth: replay the copied Auth.js cookie after sign-out",
        "GET",
        "/api/oauth/me",
        { cookie: `${names.oauthSession}=${oauth}` },
        401,
      ),
    );
  }
  return { probes, downstreamAcceptsUntil };
}
