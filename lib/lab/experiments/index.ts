import type { StrategyId } from "@/lib/auth/names";

// Every experiment this app runs, once: its title, where and how it runs, and what it needs. The
// lab's cards and table of contents, its API route and the interview room's "Prove it" all read
// this list; the bodies live beside it (./in-lab.ts for the lab's server runs, ./standalone.ts for
// runs by throwaway people). Plain data: client components read the words too.

/** What this browser must hold before the lab can run an experiment with its credentials. */
export type Requirement = "nothing" | StrategyId | "session-or-jwt" | "session-or-oauth" | "any";

type InLab = {
  /** The lab part it sits in (an id of lib/lab/catalogue.ts's LAB_PARTS). */
  part:
    | "experiments-heading"
    | "hybrid"
    | "takeover"
    | "fixation"
    | "password-storage"
    | "key-rotation"
    | "passkeys";
  requires: Requirement;
  /**
   * "server": the server runs it with this browser's own credentials (POST
   * /api/lab/experiments/<name>); "page": the page itself does it, in front of the visitor;
   * "throwaway": the server runs it with throwaway people (POST /api/interview/prove/<name>), as
   * the interview room does: it needs nothing of this browser's.
   */
  runs: "server" | "page" | "throwaway";
  /** The words of the lab's standard card (./in-lab.ts's runs without a page of their own). */
  card?: { what: string; button: string; lesson: string };
};

type ExperimentInfo = {
  title: string;
  lab?: InLab;
  /** Runs from any browser, by throwaway people made for it: the interview room's "Prove it". */
  standalone?: true;
};

/** A passkey experiment's place in the lab: its part, run by throwaway people. */
const passkeyCard = (card: { what: string; button: string; lesson: string }) =>
  ({ part: "passkeys", requires: "nothing", runs: "throwaway", card }) as const;

export const EXPERIMENT_REGISTRY = {
  tamper: {
    title: "Tamper with a token",
    lab: {
      part: "experiments-heading",
      requires: "session-or-jwt",
      runs: "server",
      card: {
        what: "Changes one claim of your JWT (keeping its signature) and one character of your session seal, then presents them.",
        button: "Tamper and present",
        lesson:
          "Readable is not writable: anyone can decode a JWT, nobody can change it without the server's key.",
      },
    },
    standalone: true,
  },
  "forged-alg": {
    title: "Forge the algorithm",
    lab: {
      part: "experiments-heading",
      requires: "nothing",
      runs: "server",
      card: {
        what: 'Presents a token with "alg": "none" and one signed with HS256 using the server\'s public key as the secret.',
        button: "Present the forgeries",
        lesson:
          "The verifier's algorithm comes from its own allowlist (ES256), never from the token it is checking.",
      },
    },
    standalone: true,
  },
  replay: {
    title: "Replay a stolen credential after sign-out",
    lab: {
      part: "experiments-heading",
      requires: "any",
      runs: "server",
      card: {
        what: "Copies each credential you hold, signs you out of every strategy, then presents the copies again.",
        button: "Sign out and replay (signs you out)",
        lesson:
          "Server state is revoked at once. A JWT is revoked only where a verifier asks a server; everywhere else it lives until exp.",
      },
    },
    standalone: true,
  },
  "refresh-reuse": {
    title: "Reuse a rotated refresh token",
    lab: {
      part: "experiments-heading",
      requires: "jwt",
      runs: "server",
      card: {
        what: "A second device signs in and refreshes twice; then its first refresh token, already used, comes back, as a thief's copy would.",
        button: "Rotate twice, then reuse",
        lesson:
          "Rotation turns a stolen refresh token into an alarm: the JWT column shows the family as revoked (reuse detected).",
      },
    },
    standalone: true,
  },
  xss: {
    title: "What an injected script can steal",
    lab: { part: "experiments-heading", requires: "jwt", runs: "page" },
    standalone: true,
  },
  "cross-site": {
    title: "A cross-site request",
    lab: { part: "experiments-heading", requires: "session-or-jwt", runs: "server" },
    standalone: true,
  },
  expiry: {
    title: "Expiry, sped up for you",
    lab: { part: "experiments-heading", requires: "session-or-jwt", runs: "page" },
  },
  delegated: {
    title: "Act on your behalf (delegated authorization)",
    lab: {
      part: "experiments-heading",
      requires: "oauth",
      runs: "server",
      card: {
        what: "Calls the provider's API with the token you granted at sign-in, from the server.",
        button: "Call the provider's API",
        lesson:
          "OAuth is authorization: the token lets Auth Lab do what the scopes allow, at the provider, for you.",
      },
    },
  },
  hybrid: {
    title: "One sign-in, the app's own tokens for API clients",
    lab: {
      part: "hybrid",
      requires: "session-or-oauth",
      runs: "server",
      card: {
        what: "Exchanges your provider sign-in for Auth Lab's JWT pair (what an SPA that keeps its own tokens in JavaScript does: the riskier variant, where a backend-for-frontend would keep them on the server), and your server session for a pair a native mobile app would hold; then calls the API with each access token alone.",
        button: "Exchange and call the API",
        lesson:
          "The provider's tokens never leave the server; the web app keeps its cookie (a backend-for-frontend keeps every token server-side); native and API clients hold the app's own short-lived tokens. One kill switch ends them all.",
      },
    },
    standalone: true,
  },
  takeover: {
    title: "Exchange a stolen cookie, then try to link",
    lab: {
      part: "takeover",
      requires: "nothing",
      runs: "server",
      card: {
        what: "The victim's session cookie, from a sign-in made a while ago, is copied; the thief exchanges it for a brand-new JWT pair and asks to link GitHub with it. Then the victim, signing in again, asks the same.",
        button: "Steal, exchange and link",
        lesson:
          "A credential carries the moment of the proof it came from; an exchange copies it. Linking wants a proof from the last few minutes, which only the person can give.",
      },
    },
    standalone: true,
  },
  fixation: {
    title: "Plant a session, then sign in",
    lab: {
      part: "fixation",
      requires: "nothing",
      runs: "server",
      card: {
        what: "The attacker signs in and keeps the cookie; the victim's browser carries it to their own sign-in; then both cookies are tried.",
        button: "Plant and sign in",
        lesson:
          "A new random id at every sign-in, and whatever the browser held is ended: an id someone else knows never becomes your session.",
      },
    },
    standalone: true,
  },
  kdf: {
    title: "Time one hash",
    lab: {
      part: "password-storage",
      requires: "nothing",
      runs: "server",
      card: {
        what: "Shows your stored password's parameters (a throwaway person's when you have none), and times one argon2id hash against one SHA-256 on this server, now.",
        button: "Measure",
        lesson:
          "The ratio is what every guess costs someone who stole the table; a sign-in pays it once.",
      },
    },
    standalone: true,
  },
  "key-rotation": {
    title: "The whole cycle of a signing key",
    lab: {
      part: "key-rotation",
      requires: "jwt",
      runs: "server",
      card: {
        what: "Rotates twice: each new lab key is published in the JWKS first and signs only after one JWKS cache lifetime (sped up to seconds here); checks the older token still verifies, then retires the older key: the app refuses its token at once.",
        button: "Rotate, rotate, retire",
        lesson:
          "Publish first and wait a cache lifetime, so verifiers elsewhere hold the key before its tokens arrive; then sign with it; retire the old one only when its last token has expired.",
      },
    },
    standalone: true,
  },
  decode: { title: "Decode a token without its key", standalone: true },
  sizes: { title: "Measure what each credential weighs", standalone: true },
  "stateless-verify": { title: "Verify a token with no database", standalone: true },
  denylist: { title: "Sign out, and ask who still accepts the token", standalone: true },
  jwks: { title: "Verify with the published public keys", standalone: true },
  "kill-switch": { title: "End every credential on every device", standalone: true },
  "shared-store": { title: "Where a session lives", standalone: true },
  authz: { title: "Delete someone else's note", standalone: true },
  "id-token": { title: "Read and check an ID token", standalone: true },
  "provider-tokens": { title: "Where the provider's tokens live", standalone: true },
  "oauth-flow": {
    title: "Walk an authorization-code flow, then forge its state",
    standalone: true,
  },
  "passkey-phishing": {
    title: "Replay a passkey answer from a phishing page",
    lab: passkeyCard({
      what: "A throwaway person registers a passkey (a software authenticator, through the real routes) and signs in; then the same authenticator answers as it would on a phishing page: clientDataJSON names https://attacker.example, then the RP ID's hash is another site's.",
      button: "Sign in from another origin",
      lesson:
        "Phishing resistance is the browser and the authenticator writing the site into what they sign: an answer made on another site never passes here.",
    }),
    standalone: true,
  },
  "passkey-forged": {
    title: "Forge a passkey's signature",
    lab: passkeyCard({
      what: "Signs in honestly, then presents an assertion whose signature has one bit changed: what someone without the private key can send.",
      button: "Present a forged signature",
      lesson: "The server holds only a public key: it can check a signature, never make one.",
    }),
    standalone: true,
  },
  "passkey-uv": {
    title: "Sign in with a passkey, user verification missing",
    lab: passkeyCard({
      what: "Signs in honestly, then presents an assertion with the UV flag off: a touch with no PIN or biometric.",
      button: "Present it without UV",
      lesson:
        "Asking for user verification is not enough: the server checks the flag in what was signed.",
    }),
    standalone: true,
  },
  "passkey-clone": {
    title: "Clone a passkey: a lower counter, and counter 0",
    lab: passkeyCard({
      what: "Registers a device-bound passkey and a synced one; a copy of each key then signs in: the device-bound copy with a counter behind the server's, the synced copy with the counter 0 synced passkeys always report.",
      button: "Sign in with the clones",
      lesson:
        "A counter catches a clone only when it moves: a synced passkey's copy is indistinguishable from the original, by design.",
    }),
    standalone: true,
  },
  "passkey-replay": {
    title: "Replay a passkey answer, and the weaker challenge designs",
    lab: passkeyCard({
      what: "A synced passkey (counter 0) signs in; its answer is presented again, and two copies of a fresh answer race. Beside the app's real answers, the same answer goes to in-process models of a signed challenge cookie, delete-on-success and an in-memory set on a second instance.",
      button: "Replay the answer",
      lesson:
        "With a counter that stays 0, only the challenge stops a replay: stored server-side, shared by every instance, taken before verification.",
    }),
    standalone: true,
  },
  "passkey-leak": {
    title: "Leak the passkey table and the password table",
    lab: passkeyCard({
      what: "Shows what the passkey table holds for a throwaway person beside what the password table holds, then uses each leak: the credential id with the attacker's own key, and one offline guess against the hash.",
      button: "Leak both tables",
      lesson:
        "A passkey table is public keys: nothing to sign in with, nothing to guess. A password table is a dictionary attack waiting to happen.",
    }),
    standalone: true,
  },
} as const satisfies Record<string, ExperimentInfo>;

type Registry = typeof EXPERIMENT_REGISTRY;
export type ExperimentName = keyof Registry;

/** The experiments whose entry matches `Shape`. */
type Where<Shape> = {
  [K in ExperimentName]: Registry[K] extends Shape ? K : never;
}[ExperimentName];

/** Run by the server with this browser's credentials: POST /api/lab/experiments/<name>. */
export type LabExperiment = Where<{ lab: { runs: "server" } }>;
/** Shown on the lab's standard card. */
export type CardExperiment = Where<{ lab: { card: object } }>;
/** Run by throwaway people: POST /api/interview/prove/<name>. */
export type StandaloneExperiment = Where<{ standalone: true }>;

/** An entry, read as the general shape (where the literal types don't matter). */
export const infoOf = (name: ExperimentName): ExperimentInfo => EXPERIMENT_REGISTRY[name];

const namesWhere = <K extends ExperimentName>(test: (info: ExperimentInfo) => boolean) =>
  (Object.keys(EXPERIMENT_REGISTRY) as ExperimentName[]).filter((name) => test(infoOf(name))) as [
    K,
    ...K[],
  ];

export const LAB_EXPERIMENTS = namesWhere<LabExperiment>((info) => info.lab?.runs === "server");
export const STANDALONE_EXPERIMENTS = namesWhere<StandaloneExperiment>(
  (info) => info.standalone === true,
);

/** The experiments of one lab part, in the registry's order. */
export const experimentsIn = (part: string) => namesWhere((info) => info.lab?.part === part);

/** The lab's "Passkeys" part: cards run by throwaway people, also the interview's proofs. */
type PasskeyExperiment = Where<{ lab: { part: "passkeys" } }> &
  CardExperiment &
  StandaloneExperiment;
export const PASSKEY_EXPERIMENTS = namesWhere<PasskeyExperiment>(
  (info) => info.lab?.part === "passkeys",
);
