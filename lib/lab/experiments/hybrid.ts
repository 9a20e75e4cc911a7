import "server-only";
import { cookieNames, STRATEGIES } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import type { SignedIn } from "@/lib/lab/catalogue";
import { demonstrationVerdict, type Fact, type Verdict } from "./result";
import {
  type Probe,
  redactCredential,
  selfRequest,
  selfRequestWithBody,
  withBearer,
  withCookie,
} from "@/lib/lab/client/probe";

// Combining the models. A sign-in made one way is exchanged for the app's own JWT pair for API
// calls: an OAuth sign-in for an SPA's tokens (the provider says who you are, the app issues its
// own credential; for a browser app a backend-for-frontend, keeping them server-side, is the safer
// shape, app/lab/_components/flows/hybrid.ts draws both); a web session for a native mobile
// client's tokens (the web app keeps its cookie). One person, several credentials, one kill switch.

export async function hybridExperiment(
  cookies: Map<string, string>,
  signedIn: Pick<SignedIn, "session" | "oauth" | "ended">,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const names = cookieNames(isHttps());
  const probes: Probe[] = [];
  const facts: Fact[] = [];
  const froms = [
    {
      from: "oauth",
      cookie: names.oauthSession,
      who: "an SPA holding its own tokens, after a Google or GitHub sign-in",
    },
    { from: "session", cookie: names.session, who: "a mobile app of someone signed in on the web" },
  ] as const;
  /** The halves that could not run, each with its cause (a cookie whose sign-in is over). */
  const skipped: string[] = [];
  for (const { from, cookie, who } of froms) {
    const value = cookies.get(cookie);
    if (!value) continue;
    // A cookie whose sign-in is over would only show an exchange refused for a known reason.
    if (!signedIn[from]) {
      const cause = signedIn.ended?.[from];
      if (cause) {
        skipped.push(`${cause}; sign in again to run the ${who.split(",")[0]} half`);
        facts.push({
          name: `Not tried: the ${STRATEGIES[from].short} sign-in`,
          value: `${cause}: sign in again.`,
        });
      }
      continue;
    }
    const exchange = await selfRequestWithBody({
      label: `Exchange the ${STRATEGIES[from].short} sign-in for the app's JWT pair (${who})`,
      method: "POST",
      path: `/api/jwt/exchange/${from}`,
      expected: 200,
      ...withCookie(cookie, value, "$COOKIE"),
      curlHeaders: { cookie: `${cookie}=$COOKIE`, origin: "$APP_URL" },
    });
    probes.push(exchange.probe);
    const access =
      typeof exchange.body?.access_token === "string" ? exchange.body.access_token : "";
    if (!access) continue;
    // The API with the access token alone, and the sign-in it came from, untouched.
    probes.push(
      await selfRequest({
        label: "The API, called with that access token alone (no cookie)",
        method: "GET",
        path: "/api/jwt/notes",
        expected: 200,
        ...withBearer(access),
      }),
      await selfRequest({
        label: `Meanwhile the ${STRATEGIES[from].short} sign-in still works as it was`,
        method: "GET",
        path: `${STRATEGIES[from].api}/me`,
        expected: 200,
        ...withCookie(cookie, value, "$COOKIE"),
      }),
    );
    // The demo client signs out again, so the run leaves no live family behind.
    const refresh = String(exchange.body?.refresh_token ?? "");
    const signOut = await selfRequestWithBody({
      label: "The client signs out: its refresh family ends, its access token is denylisted",
      method: "POST",
      path: "/api/jwt/logout",
      expected: 204,
      ...withBearer(access),
      json: { refresh_token: refresh },
      curlJson: { refresh_token: "$REFRESH_TOKEN" },
    });
    probes.push(signOut.probe);
    facts.push({
      name: `From the ${STRATEGIES[from].short} sign-in`,
      value: `access token ${redactCredential(access)}, refresh token ${redactCredential(String(exchange.body?.refresh_token ?? ""))}`,
      note:
        from === "oauth"
          ? "The provider's own tokens never leave the server; the SPA holds the app's, scoped to the app's API, where any script on its page can read them: a backend-for-frontend would keep them server-side and give the browser only a cookie."
          : "The web app keeps its HttpOnly session cookie; the mobile client holds tokens it can refresh.",
    });
  }
  if (probes.length === 0)
    return {
      probes,
      facts,
      verdict: {
        outcome: "nothing-to-try",
        headline: "Nothing to exchange yet",
        reason:
          skipped.length > 0
            ? `${skipped.join(". ")}.`
            : "Sign in with Google or GitHub, or with a server session, first.",
      },
    };
  const ok = probes.every((probe) => probe.asExpected);
  const alsoSkipped = skipped.length > 0 ? ` Not run: ${skipped.join(". ")}.` : "";
  return {
    probes,
    facts,
    verdict: demonstrationVerdict(ok, {
      held: [
        "One person, two credentials, each for its client",
        `The sign-in decides who you are; each client then gets the credential that suits it: a cookie for the web app, the app's own tokens for API clients. Signing out everywhere, every strategy, ends both.${alsoSkipped}`,
      ],
      failed: [
        "The exchange did not go as it should",
        `${probes
          .filter((probe) => !probe.asExpected)
          .map((probe) => `${probe.label}: ${probe.status}, expected ${probe.expected}`)
          .join("; ")}.`,
      ],
    }),
  };
}
