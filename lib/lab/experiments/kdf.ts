import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/credentials";
import { storedPasswordHash } from "@/lib/auth/account/person";
import { median } from "@/lib/lab/stats";
import type { Fact, Verdict } from "./result";

// Passwords are stored as argon2id PHC strings: the parameters are public, the salt and hash are
// not shown here. argon2id is timed against SHA-256 on this server, right now, a few runs each
// (a single run wobbles by a factor of two or three on a busy machine): the ratio of the medians
// is what every guess costs an attacker who stole the table.

const RUNS = 5;

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

/** Milliseconds per SHA-256 of a short input, over one batch. */
function timeSha256(): number {
  const input = randomBytes(16).toString("hex");
  const rounds = 20_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) createHash("sha256").update(input).digest();
  return Number(process.hrtime.bigint() - started) / 1e6 / rounds;
}

/** Milliseconds for one argon2id hash with the app's parameters. */
async function timeArgon2id(): Promise<number> {
  const started = process.hrtime.bigint();
  await hashPassword(randomBytes(12).toString("base64url"));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The median of a few runs, and their spread. */
const summary = (runs: number[]) => ({
  median: median(runs),
  min: Math.min(...runs),
  max: Math.max(...runs),
});

const perSecond = (ms: number) => Math.round(1000 / ms).toLocaleString("en-GB");

export async function kdfExperiment(userId: string): Promise<{ facts: Fact[]; verdict: Verdict }> {
  const stored = await storedPasswordHash(userId);
  const phc = stored ? redactPhc(stored) : null;
  const argonRuns: number[] = [];
  const shaRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    argonRuns.push(await timeArgon2id());
    shaRuns.push(timeSha256());
  }
  const argon = summary(argonRuns);
  const sha = summary(shaRuns);
  const argonMs = argon.median;
  const shaMs = sha.median;
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
      name: `One argon2id hash, measured now (median of ${RUNS})`,
      value: `${argonMs.toFixed(1)} ms`,
      note: `Runs from ${argon.min.toFixed(1)} to ${argon.max.toFixed(1)} ms. About ${perSecond(argonMs)} guesses a second per core, and each needs 19 MiB of memory, which is what makes GPUs slow at it.`,
    },
    {
      name: `One SHA-256, measured now (median of ${RUNS} batches)`,
      value: `${(shaMs * 1000).toFixed(2)} µs`,
      note: `Batches from ${(sha.min * 1000).toFixed(2)} to ${(sha.max * 1000).toFixed(2)} µs. About ${perSecond(shaMs)} guesses a second on one CPU core: a floor, since a GPU computes billions a second.`,
    },
    {
      name: "Cost per guess, argon2id vs SHA-256",
      value: `${ratio.toLocaleString("en-GB")}×`,
      note: "The ratio of the medians on this CPU; against a GPU, SHA-256 is far cheaper still.",
    },
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
