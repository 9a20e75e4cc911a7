import { defineDiagram } from "../sequence-types";

// The passkey strategy's two ceremonies as this app runs them (lib/auth/passkey/): a challenge
// kept server-side under an opaque ceremony id, taken before anything is verified; a sign-in that
// ends in the session strategy's own cookie.

const participants = [
  { id: "authenticator", label: "Authenticator" },
  { id: "browser", label: "Browser" },
  { id: "server", label: "Auth Lab" },
] as const;

export const PASSKEY_FLOWS = [
  defineDiagram({
    title: "Registration",
    participants,
    steps: [
      { from: "browser", to: "server", label: "POST /api/passkey/register/options" },
      { at: "server", label: "store a challenge", detail: "under SHA-256(ceremony id), minutes" },
      {
        from: "server",
        to: "browser",
        label: "options + ceremony id",
        detail: "rp.id, challenge, UV required",
        reply: true,
      },
      { from: "browser", to: "authenticator", label: "create()", detail: "for this origin only" },
      {
        at: "authenticator",
        label: "new key pair",
        detail: "PIN or biometric (UV); private key stays",
      },
      {
        from: "authenticator",
        to: "browser",
        label: "credential id, public key",
        detail: "flags UP UV BE BS, AAGUID",
        reply: true,
      },
      { from: "browser", to: "server", label: "POST …/register/verify", detail: "ceremony id" },
      { at: "server", label: "take the challenge, verify", detail: "origin, RP ID, UV" },
      { at: "server", label: "store id + public key", detail: "counter, flags", tone: "ok" },
    ],
  }),
  defineDiagram({
    title: "Authentication",
    participants,
    steps: [
      { from: "browser", to: "server", label: "POST /api/passkey/authenticate/options" },
      { at: "server", label: "store a challenge" },
      { from: "server", to: "browser", label: "challenge + ceremony id", reply: true },
      { from: "browser", to: "authenticator", label: "get()", detail: "this RP ID's passkeys" },
      {
        at: "authenticator",
        label: "sign",
        detail: "rpIdHash, flags, counter + hash(clientData with origin)",
      },
      { from: "authenticator", to: "browser", label: "assertion", reply: true },
      { from: "browser", to: "server", label: "POST …/authenticate/verify" },
      {
        at: "server",
        label: "take the challenge, then verify",
        detail: "signature, origin, RP ID, UV, counter",
      },
      {
        from: "server",
        to: "browser",
        label: "Set-Cookie: the session cookie",
        detail: "a server session, method passkey",
        reply: true,
        tone: "ok",
      },
    ],
  }),
];
