import "server-only";
import { hostname } from "node:os";
import { getEnv } from "@/lib/env";
import { refusal } from "@/lib/refusal";

let id: string | undefined;

/**
 * Which server process answered: INSTANCE_ID, or the host and process id. Worked out once per
 * process (every strategy's route handler sends it, and os.hostname() is a system call). A
 * refused deployment (lib/refusal.ts) still says which instance refused: getEnv() would throw
 * there, after route() has answered the 503, and turn it into a bare 500.
 */
export function instanceId(): string {
  id ??= (refusal() ? undefined : getEnv().INSTANCE_ID) ?? `${hostname()}-${process.pid}`;
  return id;
}
