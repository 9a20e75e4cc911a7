import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/credentials";
import { storedPasswordHash } from "@/lib/auth/account/person";
import type { Fact, Verdict } from "./result";

// Passwords are stored as argon2id PHC strings: the parameters are public, the salt and hash are
// not shown here. One argon2id hash is timed against one SHA-256, on this server, right now: the
// ratio is what every guess costs an attacker who stole the table.

/** `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, with salt and hash cut to a few characters. */
export function redactPhc(phc: string): { shown: string; params: Record<string, string> } {
  const [, algorithm = "", version = "", params = "", salt = "", hash = ""] = phc.split("$");
  const cut = (part: string) => `${part.slice(0, 4)}…(${part.length} chars)`;
  return {
    shown: `$${algorithm}$${version}$${params}$${cut(salt)}$${cut(hash)}`,
    params: Object.fromEntries(
      [`alg=${algorithm}`, version, ...params.split(",")].map(
        (pair) => pair.split("=") as [string, string],
      ),
    ),
  };
}

function timeSha256(): number {
  const input = randomBytes(16).toString("hex");
  const rounds = 20_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) createHash("sha256").update(input).digest();
  return Number(process.hrtime.bigint() - started) / 1e6 / rounds;
}

const perSecond = (ms: number) => Math.round(1000 / ms).toLocaleString("en-GB");

export async function kdfExperiment(userId: string): Promise<{ facts: Fact[]; verdict: Verdict }> {
  const stored = await storedPasswordHash(userId);
  const phc = stored ? redactPhc(stored) : null;
  const started = process.hrtime.bigint();
  await hashPassword(randomBytes(12).toString("base64url"));
  const argonMs = Number(process.hrtime.bigint() - started) / 1e6;
  const shaMs = timeSha256();
  const ratio = Math.round(argonMs / shaMs);
  const facts: Fact[] = [
    phc
      ? {
          name: "Your stored password (PHC string)",
          value: phc.shown,
          note: `Algorithm ${phc.params.alg}, memory ${phc.params.m} KiB, ${phc.params.t} passes, parallelism ${phc.params.p}. The salt is random per person; the hash is never shown.`,
        }
      : { name: "Your stored password", value: "none: this person signs in through a provider" },
    {
      name: "One argon2id hash, measured now",
      value: `${argonMs.toFixed(1)} ms`,
      note: `About ${perSecond(argonMs)} guesses a second per core, and each needs 19 MiB of memory, which is what makes GPUs slow at it.`,
    },
    {
      name: "One SHA-256, measured now",
      value: `${(shaMs * 1000).toFixed(2)} µs`,
      note: `About ${perSecond(shaMs)} guesses a second per core, before any GPU.`,
    },
    { name: "Cost per guess, argon2id vs SHA-256", value: `${ratio.toLocaleString("en-GB")}×` },
  ];
  return {
    facts,
    verdict: {
      outcome: "shown",
      headline: `Each guess costs ${ratio.toLocaleString("en-GB")} times more`,
      reason:
        "A fast hash is right for a 256-bit random token (nothing to guess) and wrong for a password (people pick guessable ones). A slow, memory-hard KDF with a per-person salt makes every guess against a stolen table expensive; the sign-in pays it once.",
    },
  };
}
