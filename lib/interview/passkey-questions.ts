// The interview room's passkey questions, each proved by one of the lab's passkey experiments
// (lib/lab/experiments/passkey-*.ts). Plain data, like ./questions.ts, which lists them.

import type { Question } from "./questions";

export const PASSKEY_QUESTIONS: readonly Question[] = [
  {
    id: "passkeys-vs-passwords",
    topic: "Passkeys",
    question: "What does a passkey change compared with a password?",
    answer:
      "A password is a shared secret: the server stores something derived from it, the person types it wherever they are asked, and anyone who learns it (phished, reused, guessed against a leaked hash) can use it. A passkey is a key pair made by an authenticator for one site: **the server stores only a public key, and the private key never leaves the authenticator**. Signing in is signing a fresh challenge, after the person unlocks the authenticator (user verification). Nothing the server stores signs anyone in, and there is nothing to type on the wrong site.",
    wrongAnswer: "A passkey is a password the browser generates and stores for you.",
    whyWrong:
      "A generated password is still a shared secret the server can leak and a phishing page can collect. A passkey is asymmetric: the server holds nothing secret, and the authenticator answers only for the site it was made for.",
    experiment: "passkey-leak",
    proves:
      "The passkey row is a credential id and a public key: presented with a key the attacker made, the leaked id is refused, while the leaked argon2id hash confirms a guess offline with no server to slow it down.",
    lab: "/lab#experiment-passkey-leak",
  },
  {
    id: "passkey-phishing-resistance",
    topic: "Passkeys",
    question: "What does “phishing-resistant” mean for passkeys, exactly?",
    answer:
      "It means the site is part of what gets signed, so an answer made on the wrong site is useless on the right one. The browser writes the page's origin into clientDataJSON, and the authenticator signs a hash of the RP ID it made the passkey for (and only offers passkeys for that RP ID at all). The server checks both against its own. **A phishing page can relay the real challenge, but never obtain an answer that verifies on the real site.** It does not stop malware on the device or a session cookie stolen after sign-in.",
    wrongAnswer: "Passkeys can't be phished because there is nothing to type.",
    whyWrong:
      "Nothing to type helps, but the protection is cryptographic: the origin and RP ID are signed and checked. A server that skips those checks (or accepts any origin) loses it.",
    experiment: "passkey-phishing",
    proves:
      "The same authenticator's answer naming https://attacker.example as its origin, then another RP ID's hash, is refused, after its honest answer was accepted.",
    lab: "/lab#experiment-passkey-phishing",
  },
  {
    id: "synced-vs-device-bound-passkeys",
    topic: "Passkeys",
    question: "What is the difference between a synced and a device-bound passkey?",
    answer:
      "A device-bound passkey lives in one authenticator (a security key, a TPM) and cannot be copied; its signature counter goes up with each use, so a server that sees a counter go back has found a clone. A synced passkey is copied by a password manager or platform account to every device of that account (flags BE and BS); it survives losing a phone, and it reports a counter of 0 forever. **With a synced passkey the server cannot tell a copy from the original: the sync account's security is part of yours.** Attestation and the BE/BS flags tell the server which kind it got.",
    wrongAnswer: "They are the same thing; the counter protects both against cloning.",
    whyWrong:
      "The counter only works when it moves. Synced passkeys report 0, which WebAuthn allows, so a copy of the key passes every check the server can make.",
    experiment: "passkey-clone",
    proves:
      "A copy of the device-bound key, its counter behind the stored one, is refused; a copy of the synced key, counter 0 like the original, is accepted.",
    lab: "/lab#experiment-passkey-clone",
  },
  {
    id: "passkeys-vs-oauth",
    topic: "Passkeys",
    question: "Passkeys or “Sign in with Google”: are they alternatives?",
    answer:
      "They answer different questions. Signing in with Google delegates authentication to a provider: the app trusts the provider's statement about who the person is (OpenID Connect), and gets delegated access to the provider's APIs if it asks for scopes. A passkey is authentication between the person and this app alone: **the app verifies the signature itself with a public key it stored, and no third party takes part or can sign someone in on its behalf.** Many apps offer both; the provider's own sign-in may well use a passkey.",
    wrongAnswer: "Passkeys replace OAuth: you don't need Google sign-in any more.",
    whyWrong:
      "OAuth is also authorization (access to the provider's APIs), and signing in through a provider moves account recovery and verification to it. A passkey replaces the password, not the delegation.",
    experiment: "passkey-forged",
    proves:
      "This server alone decides: with the public key it stored at registration it accepts the passkey's honest answer and refuses one whose signature was changed by a single bit.",
    lab: "/lab#experiment-passkey-forged",
  },
  {
    id: "passkey-account-recovery",
    topic: "Passkeys",
    question: "A user loses the device with their passkey. How do they get back in?",
    answer:
      "Plan for it at registration: let people register several passkeys (a phone and a security key), and say whether each is synced (BE/BS), since a synced passkey is restored with the sync account on a new device. Recovery is then one of those, or a fallback: **every fallback (an email link, a password, a support desk) is the real strength of the account, because an attacker picks the weakest way in.** Make the fallback rare, slow and loud (notify, delay, require a second factor), and end every session and token the old device held.",
    wrongAnswer: "Fall back to a password reset email, like any account.",
    whyWrong:
      "Then the account is only as strong as the mailbox, and the phishing resistance is gone: a phishing page asks for the reset instead. Several passkeys, or a synced one, avoid needing the fallback at all.",
    experiment: "passkey-clone",
    proves:
      "One person holds two passkeys; the synced one's copy signs in from another authenticator (what restoring from the sync account does) while the device-bound one's copy is refused.",
    lab: "/lab#experiment-passkey-clone",
  },
  {
    id: "passkey-challenge-storage",
    topic: "Passkeys",
    question: "Where should a server keep a WebAuthn challenge, and why does it matter?",
    answer:
      "Server-side, bound to the ceremony, short-lived, in a store every instance shares, and **taken away atomically before the answer is verified, whatever the outcome**. With a counter that stays 0 (synced passkeys) the challenge is the only thing that makes an answer single-use. A signed cookie with no server record accepts the same answer again; deleting the record only on success lets two copies sent at once both pass; a set of used challenges in one process's memory knows nothing on the second instance.",
    wrongAnswer: "Put the challenge in a signed cookie: it can't be tampered with.",
    whyWrong:
      "A signature proves the server issued the challenge, not that it hasn't been used: the cookie and the answer can be presented again together.",
    experiment: "passkey-replay",
    proves:
      "The replayed answer is refused because its challenge was consumed, one of two identical answers sent at once is accepted, and models of the weaker designs accept the same answer twice.",
    lab: "/lab#experiment-passkey-replay",
  },
];
