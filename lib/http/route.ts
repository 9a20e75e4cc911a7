import "server-only";
import { instanceId } from "@/lib/instance";
import { bearerToken } from "./bearer";
import { jsonError } from "./json";
import { checkOrigin, isSafeMethod } from "./origin";
import { errorResponse, type RouteWords } from "./route-errors";
import { type Authenticator, type Guarded, type GuardedUser, guard } from "./route-guard";
import { ServerTiming } from "./server-timing";

export type { AuthFailure, Authenticator, Guarded, GuardedUser } from "./route-guard";

// The one wrapper every route handler goes through:
//
//   export const { GET, POST, PUT, PATCH, DELETE } = route({ origin: "strict", methods: { POST } });
//
// - the methods a route doesn't declare answer 405 with Allow, in the standard shape;
// - its declared Origin rule refuses cross-site unsafe requests with the standard 403;
// - a guarded route (`auth`) asks the strategy's guard first and answers 401 in the standard shape;
// - a thrown error is answered once, here (lib/http/route-errors.ts): never a stack trace;
// - a strategy's route says which strategy and which instance answered, and what its guard
//   measured (Server-Timing).

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/**
 * Cookies ride along with cross-site requests; an Authorization header never does (a page on
 * another site can't set one without a CORS preflight, which this app never grants). So:
 * - "strict": every cross-site unsafe request is refused;
 * - "bearer-ok": the same, except one that brings its own credential (a Bearer token, or what
 *   `ownCredential` names), which is what authenticates it: the JWT strategy's routes;
 * - "none": no check (public reads, and routes that change nothing a cookie decides).
 */
export type OriginRule = "strict" | "bearer-ok" | "none";

type Declaration = RouteWords & {
  origin: OriginRule;
  /** The 403's message where the route words it its own way. */
  crossSite?: string;
  /** "bearer-ok": a credential of the request's own other than a Bearer header. */
  ownCredential?: (request: Request) => boolean;
};
export type OpenHandler<Ctx = unknown> = (
  request: Request,
  route: { timing: ServerTiming },
  ctx: Ctx,
) => Promise<Response>;
export type GuardedHandler<Ctx = unknown, User extends GuardedUser = GuardedUser> = (
  request: Request,
  auth: Guarded<User>,
  ctx: Ctx,
) => Promise<Response>;
export type OpenRoute<Ctx> = Declaration & {
  strategy?: string;
  auth?: undefined;
  methods: Partial<Record<Method, OpenHandler<Ctx>>>;
};
export type GuardedRoute<Ctx, User extends GuardedUser> = Declaration & {
  strategy: string;
  auth: Authenticator<User>;
  methods: Partial<Record<Method, GuardedHandler<Ctx, User>>>;
};
export type RouteHandlers<Ctx> = Record<Method, (request: Request, ctx: Ctx) => Promise<Response>>;

const CROSS_SITE = "Cross-site requests are not allowed here.";

export function route<Ctx = unknown, User extends GuardedUser = GuardedUser>(
  declared: GuardedRoute<Ctx, User>,
): RouteHandlers<Ctx>;
export function route<Ctx = unknown>(declared: OpenRoute<Ctx>): RouteHandlers<Ctx>;
export function route<Ctx>(
  declared: OpenRoute<Ctx> | GuardedRoute<Ctx, GuardedUser>,
): RouteHandlers<Ctx> {
  const allowed = METHODS.filter((method) => declared.methods[method]);
  const notAllowed = async () =>
    jsonError(405, "method_not_allowed", `Use ${allowed.join(" or ")}.`, {
      Allow: allowed.join(", "),
    });
  return Object.fromEntries(
    METHODS.map((method) => {
      const handler = declared.methods[method];
      return [method, handler ? answer(declared, handler) : notAllowed];
    }),
  ) as RouteHandlers<Ctx>;
}

function answer<Ctx>(
  declared: OpenRoute<Ctx> | GuardedRoute<Ctx, GuardedUser>,
  handler: OpenHandler<Ctx> | GuardedHandler<Ctx>,
) {
  const run = async (request: Request, ctx: Ctx, timing: ServerTiming) => {
    if (refusesOrigin(request, declared))
      return jsonError(403, "forbidden", declared.crossSite ?? CROSS_SITE);
    if (!declared.auth) return (handler as OpenHandler<Ctx>)(request, { timing }, ctx);
    const auth = await guard(request, timing, declared.auth, declared.strategy);
    return auth instanceof Response ? auth : (handler as GuardedHandler<Ctx>)(request, auth, ctx);
  };
  return async (request: Request, ctx: Ctx): Promise<Response> => {
    const timing = new ServerTiming();
    const response = await run(request, ctx, timing).catch((error: unknown) =>
      errorResponse(error, declared),
    );
    if (declared.strategy !== undefined) {
      response.headers.set("X-Auth-Strategy", declared.strategy);
      response.headers.set("X-Instance", instanceId());
    }
    if (timing.steps.length > 0) response.headers.set("Server-Timing", timing.header());
    return response;
  };
}

function refusesOrigin(request: Request, { origin, ownCredential }: Declaration): boolean {
  if (origin === "none" || isSafeMethod(request.method)) return false;
  if (checkOrigin(request) !== "cross-site") return false;
  const ownCredentialSent =
    bearerToken(request.headers) !== undefined || (ownCredential?.(request) ?? false);
  return !(origin === "bearer-ok" && ownCredentialSent);
}
