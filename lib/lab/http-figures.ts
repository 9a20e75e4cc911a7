import { z } from "zod";
import figures from "./http-figures.json";

// The benchmark over HTTP the lab quotes beside its cost probe: written by
// `npm run bench:http -- --figures lib/lab/http-figures.json` (scripts/bench-http.mjs), the same
// run as the README's table. Parsed here so a hand edit of the file that breaks its shape fails
// the build's type check and the unit tests, not a visitor's page.

const rowSchema = z.object({
  id: z.enum(["baseline", "jwks", "health", "session", "jwt-checked", "jwt-stateless", "oauth"]),
  rps: z.number().nonnegative(),
  /** Of the baseline: CPU per request (the baseline's over the route's) in an open-loop run, requests per second in a closed one. */
  ratio: z.number().nonnegative(),
  /** The server's main-thread CPU per request, in microseconds. */
  cpuUs: z.number().nonnegative().nullable(),
  p99Ms: z.number().nonnegative(),
  failed: z.number().int().nonnegative(),
});

const figuresSchema = z.object({
  command: z.string(),
  date: z.iso.datetime(),
  machine: z.string(),
  store: z.enum(["sqlite", "redis"]),
  rounds: z.number().int().positive(),
  durationSeconds: z.number().positive(),
  connections: z.number().int().positive(),
  /** Requests a second every route was sent (open loop); null: closed loop, as fast as it answers. */
  rate: z.number().int().positive().nullable(),
  rows: z.array(rowSchema),
});

export type HttpFigures = z.infer<typeof figuresSchema>;
export type HttpFigureId = z.infer<typeof rowSchema>["id"];

export const HTTP_FIGURES: HttpFigures = figuresSchema.parse(figures);
