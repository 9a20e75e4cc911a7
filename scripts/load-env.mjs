// Loads .env* files the way Next.js does, for the scripts and tools that run outside Next.js
// (Prisma CLI, seed, setup). Variables already in the environment always win.
import nextEnv from "@next/env";

export function loadEnvFiles(dir = process.cwd()) {
  const dev = process.env.NODE_ENV !== "production";
  nextEnv.loadEnvConfig(dir, dev, { info: () => {}, error: console.error }, true);
}
