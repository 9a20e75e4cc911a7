import { z } from "zod";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { checkOrigin } from "@/lib/http/origin";
import { internalError, methodNotAllowed } from "@/lib/http/route";
import {
  askEveryInstance,
  clusterConfigured,
  clusterStatus,
  restartInstance,
  servedBy,
  setRedis,
  signInOn,
  signOutOnThenReplay,
  moveSessionsTo,
} from "@/lib/lab/scaling";

// The Scaling experiment's steps (lib/lab/scaling.ts). Only on `npm run cluster`'s instances;
// anywhere else there is no cluster to talk to.

const step = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ask") }),
  z.object({ action: z.literal("sign-in"), instance: z.enum(["a", "b"]) }),
  z.object({ action: z.literal("sign-out"), instance: z.enum(["a", "b"]) }),
  z.object({ action: z.literal("restart"), instance: z.enum(["a", "b"]) }),
  z.object({ action: z.literal("store"), store: z.enum(["redis", "database", "memory"]) }),
  z.object({ action: z.literal("redis"), state: z.enum(["running", "stopped"]) }),
]);

const NO_CLUSTER = () =>
  jsonError(404, "not_found", "The Scaling experiment runs on `npm run cluster` only.");

export async function GET() {
  try {
    if (!clusterConfigured()) return NO_CLUSTER();
    return json({ status: await clusterStatus(), answers: [], servedBy: servedBy() });
  } catch (error) {
    return internalError(error);
  }
}

export async function POST(request: Request) {
  try {
    if (!clusterConfigured()) return NO_CLUSTER();
    if (checkOrigin(request) === "cross-site")
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const body = await readJsonBody(request, step);
    if (!body.ok) return body.response;
    const input = body.data;
    const answers =
      input.action === "ask"
        ? await askEveryInstance()
        : input.action === "sign-in"
          ? await signInOn(input.instance)
          : input.action === "sign-out"
            ? await signOutOnThenReplay(input.instance)
            : [];
    if (input.action === "restart") await restartInstance(input.instance);
    if (input.action === "store") await moveSessionsTo(input.store);
    if (input.action === "redis") await setRedis(input.state);
    return json({ status: await clusterStatus(), answers, servedBy: servedBy() });
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
