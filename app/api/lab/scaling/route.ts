import { z } from "zod";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
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

async function runStep(request: Request) {
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
}

const scaling = route({
  origin: "strict",
  methods: {
    GET: async () => json({ status: await clusterStatus(), answers: [], servedBy: servedBy() }),
    POST: runStep,
  },
});

/** Off the cluster there is no such endpoint: its 404 comes first, before the Origin check. */
const onTheCluster =
  (handler: (request: Request, ctx: unknown) => Promise<Response>) =>
  async (request: Request, ctx: unknown) =>
    clusterConfigured() ? handler(request, ctx) : NO_CLUSTER();

export const GET = onTheCluster(scaling.GET);
export const POST = onTheCluster(scaling.POST);
export const { PUT, PATCH, DELETE } = scaling;
