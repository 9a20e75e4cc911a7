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
  /** Each copy presented again after its sign-out, where the app keeps state. */
  const replayed: { copy: Copy; probe: Probe }[] = [];
  let downstream: Probe | null = null;
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
    const replay = await selfRequest({
      label: "Session: replay the copied cookie",
      method: "GET",
      path: "/api/session/me",
      expected: 401,
      ...carried,
    });
    probes.push(replay);
    replayed.push({ copy: "session", probe: replay });
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
    const replay = await selfRequest({
      label: "JWT: replay to the app (checked verifier)",
      method: "GET",
      path: "/api/jwt/me",
      expected: 401,
      ...carried,
    });
    probes.push(replay);
    replayed.push({ copy: "access token", probe: replay });
    downstream = await selfRequest({
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
    const replay = await selfRequest({
      label: "OAuth: replay the copied Auth.js cookie after sign-out",
      method: "GET",
      path: "/api/oauth/me",
      expected: 401,
      ...withCookie(names.oauthSession, oauth, "$AUTHJS_SESSION_COOKIE"),
    });
    probes.push(replay);
    replayed.push({ copy: "Auth.js session", probe: replay });
  }

  return { probes, verdict: replayVerdict(replayed, downstream), downstreamAcceptsUntil };
}

type Copy = "session" | "access token" | "Auth.js session";

/** Why the app refuses each copy after its sign-out: the state it needs is gone. */
const WHY_REFUSED: Record<Copy, string> = {
  session: "the server session (its row is deleted)",
  "access token": "the access token at the app (its jti is on the denylist)",
  "Auth.js session": "the Auth.js session (its row is deleted)",
};

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** The verdict from what came back: which copies took part, which were refused, and where. */
function replayVerdict(
  replayed: { copy: Copy; probe: Probe }[],
  downstream: Probe | null,
): Verdict {
  const accepted = replayed.filter(({ probe }) => probe.status < 400);
  if (accepted.length > 0)
    return {
      outcome: "worked",
      headline: "A copy outlived its sign-out",
      reason: `After signing out, the app still accepted ${listed(accepted.map(({ copy }) => `the ${copy}`))} (${accepted.map(({ probe }) => probe.status).join(", ")}).`,
    };
  const refused = `Refused after sign-out: ${listed(replayed.map(({ copy }) => WHY_REFUSED[copy]))}.`;
  if (downstream && downstream.status === 200)
    return {
      outcome: "partly",
      headline: "Refused by the app, accepted by a stateless service",
      reason: `${refused} A service that only checks the signature accepted the copied access token, and will until it expires: nothing it holds knows about the sign-out.`,
    };
  return {
    outcome: "refused",
    headline: "Attack refused",
    reason: `${refused}${downstream ? ` The stateless service refused the token too (${downstream.status}${downstream.code ? `, ${downstream.code}` : ""}).` : ""}`,
  };
}
