import "server-only";
import { storedPasswordHash } from "@/lib/auth/account/person";
import { verifyPassword } from "@/lib/auth/credentials";
import { passkeyRowsOf } from "@/lib/auth/passkey/passkeys";
import type { ThrowawayPerson } from "@/lib/lab/people";
import { softwareAuthenticator } from "@/lib/lab/software-authenticator";
import { relyingParty } from "@/lib/auth/passkey/config";
import { redactPhc } from "./kdf";
import { assertionSent, registerPasskey, signInOptions, presentAssertion } from "./passkey-kit";
import { leakVerdict } from "./passkey-verdicts";
import type { Fact } from "./result";

// A database leak: what the passkey table holds for a person (a credential id and a public key,
// public by nature) beside what the password table holds (an argon2id hash, which anyone holding
// it can test guesses against, offline, at their own pace). Then each leak is used: the leaked
// credential id with a key the attacker made is refused by the server; a guess against the leaked
// hash is checked on the attacker's own machine, no server asked.

export async function leakExperiment(person: ThrowawayPerson) {
  const { probes } = await registerPasskey(person);
  const [row] = await passkeyRowsOf(person.id);
  const hash = await storedPasswordHash(person.id);
  if (!row || !hash) throw new Error("the person's passkey or password is not stored");

  // The attacker's own key under the leaked credential id: all the table gives them.
  const rp = relyingParty();
  const impostor = softwareAuthenticator({ origin: rp.origin, rpId: rp.id });
  const options = await signInOptions("Attacker: sign-in options");
  const forged = {
    ...impostor.assert(options.challenge),
    id: row.credentialId,
    rawId: row.credentialId,
  };
  const attempt = await presentAssertion(
    { label: "Attacker: the leaked credential id, signed with their own key", expected: 401 },
    options.ceremonyId,
    forged,
  );
  attempt.probe.sent = assertionSent(forged, "signed by a key the attacker made");

  // An offline guess: this run knows the throwaway password, a dictionary would hold it too.
  const started = process.hrtime.bigint();
  const guessed = await verifyPassword(hash, person.password);
  const guessMs = Number(process.hrtime.bigint() - started) / 1e6;
  const publicKey = Buffer.from(row.publicKey).toString("base64url");
  const facts: Fact[] = [
    {
      name: "Passkey table: credential id",
      value: `${row.credentialId.slice(0, 12)}…`,
      note: "sent in the clear in every assertion",
    },
    {
      name: "Passkey table: public key (COSE)",
      value: `${publicKey.slice(0, 16)}…(${row.publicKey.length} bytes)`,
      note: "verifies signatures; makes none",
    },
    {
      name: "Passkey table: counter, AAGUID, transports",
      value: `${row.counter}, ${row.aaguid}, ${row.transports}`,
    },
    {
      name: "Password table: argon2id hash",
      value: redactPhc(hash).shown,
      note: "guesses are tested against it offline",
    },
    {
      name: "One offline guess against the leaked hash",
      value: `${guessed ? "matched" : "no match"} in ${guessMs.toFixed(0)} ms`,
      note: "no server asked, no rate limit",
    },
  ];
  return {
    probes: [...probes, options.probe, attempt.probe],
    facts,
    verdict: leakVerdict(attempt.probe, guessed, guessMs),
  };
}
