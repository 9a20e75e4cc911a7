import "server-only";
import { hostname } from "node:os";
import { getEnv } from "@/lib/env";

/** Which server process answered: INSTANCE_ID, or the host and process id. */
export function instanceId(): string {
  return getEnv().INSTANCE_ID ?? `${hostname()}-${process.pid}`;
}
