import "server-only";
import { cut } from "./flow-log";
import { recordFlowStep, recordSignedInAt } from "./flow-recording";
import type { IdTokenCheck } from "./id-token";

// The steps of the sign-in log that Auth Lab's own signIn callback adds: its check of the ID token
// (OpenID Connect), or the profile a plain OAuth 2.0 provider answered with.

const when = (seconds: number) => `${new Date(seconds * 1000).toISOString()} (${seconds})`;

export function recordIdTokenCheck(check: IdTokenCheck): void {
  if (!check.ok) {
    recordFlowStep({
      title: "ID token refused",
      route: "Auth Lab (on the server)",
      request: null,
      answer: { status: null, fields: [{ name: "reason", value: check.reason }] },
      note: "An ID token that fails any check proves nothing about who you are.",
    });
    return;
  }
  const { claims } = check;
  recordSignedInAt(claims.authTime);
  recordFlowStep({
    title: "ID token checked",
    route: "Auth Lab (on the server)",
    request: null,
    answer: {
      status: null,
      fields: [
        {
          name: "signature",
          value: `valid (${check.alg}, kid ${check.kid ?? "none"})`,
          note: "Checked against the keys the provider publishes (its JWKS).",
        },
        { name: "iss", value: claims.iss, note: "The provider we sent you to." },
        { name: "aud", value: claims.aud, note: "Auth Lab's client id: made for us, nobody else." },
        {
          name: "sub",
          value: claims.sub,
          note: "Who you are at the provider: the stable id we key on.",
        },
        {
          name: "nonce",
          value: cut(claims.nonce ?? ""),
          note: "Matches the one this browser's sign-in started with.",
        },
        ...(claims.authTime !== null
          ? [
              {
                name: "auth_time",
                value: when(claims.authTime),
                note: "When you last actually signed in at the provider.",
              },
            ]
          : []),
        { name: "exp", value: when(claims.exp) },
      ],
    },
    note: "Identity (OpenID Connect): the ID token says who you are, to Auth Lab. The access token only lets Auth Lab call the provider's API.",
  });
}

export function recordProfile(profile: Record<string, unknown> | undefined): void {
  const fields = ["id", "login", "name", "email"]
    .filter((name) => profile?.[name] !== undefined && profile[name] !== null)
    .map((name) => ({ name, value: String(profile?.[name]) }));
  recordFlowStep({
    title: "Profile fetched",
    route: "Auth Lab → provider's API (server to server, with the access token)",
    request: null,
    answer: { status: null, fields },
    note: "Plain OAuth 2.0 has no ID token: who you are comes from an API call the access token allows, so the provider's word arrives unsigned over TLS.",
  });
}
