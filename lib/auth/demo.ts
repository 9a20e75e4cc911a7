import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "./events";
import { type Provenance, provenNow } from "./proof";
import { issueTokenPair } from "./jwt/lifecycle";
import { registerUser } from "./register";
import { DEMO_EMAIL_DOMAIN } from "./throwaway";

// "Try it as a demo person": a throwaway account made on the spot, with a random password nobody
// is ever shown, so a first-time visitor of a deployed copy can start in one click without
// registering, and no two visitors share an account. Registration's throttle applies.

export type DemoPerson = {
  id: string;
  email: string;
  name: string;
  epoch: number;
  provenance: Provenance;
};

export async function createDemoPerson(
  context: RequestContext,
): Promise<{ ok: true; person: DemoPerson } | { ok: false; message: string }> {
  const tag = randomUUID().slice(0, 6);
  const registered = await registerUser(
    {
      name: `Demo visitor ${tag}`,
      email: `demo-${tag}-${randomUUID().slice(0, 8)}${DEMO_EMAIL_DOMAIN}`,
      password: randomBytes(24).toString("base64url"),
    },
    context,
  );
  if (!registered.ok)
    return {
      ok: false,
      message: registered.throttled?.message ?? "A demo person could not be made. Try again.",
    };
  const person = await getDb().user.findUniqueOrThrow({
    where: { id: registered.userId },
    select: { id: true, email: true, name: true, epoch: true },
  });
  return {
    ok: true,
    person: {
      ...person,
      name: person.name ?? "Demo visitor",
      provenance: provenNow(person.epoch, "demo"),
    },
  };
}

/** The demo person's JWT pair; the session is started by the caller (it owns the cookie). */
export async function demoTokens(person: DemoPerson, context: RequestContext) {
  for (const strategy of ["session", "jwt"] as const)
    await recordEvent({
      type: "login.success",
      strategy,
      userId: person.id,
      context,
      detail: { demo: true },
    });
  return issueTokenPair(person.id, person.provenance, context);
}
