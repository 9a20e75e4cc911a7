import "server-only";
import { hostname } from "node:os";
import { getEnv } from "@/lib/env";

let id: string | undefined;

/**
 * Which server process answered: INSTANCE_ID, or the host and process id. Worked out once per
 * process (every strategy's route handler sends it, and os.hostname() is a system call).
 */
export function instanceId(): string {
  id ??= getEnv().INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  return id;
}
