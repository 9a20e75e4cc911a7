import "server-only";
import { cookies } from "next/headers";
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { cookieNames } from "@/lib/auth/names";
import { getEnv, isHttps } from "@/lib/env";
import { instanceId } from "@/lib/instance";

// The lab's Scaling experiment, for `npm run cluster`: two instances behind a load balancer, and
// a supervisor that can switch where sessions live, restart an instance, and stop or start Redis.
// Each step makes real requests to each instance directly, with this browser's own cookies, and
// reports which instance answered what. Credentials stay in HttpOnly cookies: nothing here hands
// one to page script.

export type ClusterStatus = {
  store: "redis" | "database" | "memory";
  redis: "running" | "stopped";
  instances: { id: string; url: string; up: boolean; startedAt: string | null }[];
};

export type Answer = {
  instance: string;
  /** What was asked, e.g. "session: GET /api/session/me". */
  label: string;
  request: string;
  status: number;
  /** Which instance says it answered (its X-Instance header). */
  answeredBy: string | null;
  code: string | null;
};

const statusSchema = z.object({
  store: z.enum(["redis", "database", "memory"]),
  redis: z.enum(["running", "stopped"]),
  instances: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      up: z.boolean(),
      startedAt: z.string().nullable(),
    }),
  ),
});

export function clusterConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.CLUSTER_CONTROL_URL && env.CLUSTER_CONTROL_TOKEN && env.CLUSTER_INSTANCES);
}

/** The cluster's instances, each reachable directly (not through the load balancer). */
export function clusterInstances(): { id: string; url: string }[] {
  return (getEnv().CLUSTER_INSTANCES ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => {
      const [id = "", url = ""] = entry.split("=");
      return { id, url };
    });
}

async function control(path: string, body?: unknown): Promise<ClusterStatus> {
  const env = getEnv();
  const response = await fetch(new URL(path, env.CLUSTER_CONTROL_URL), {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "x-cluster-token": env.CLUSTER_CONTROL_TOKEN ?? "",
      "content-type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  });
  return statusSchema.parse(await response.json());
}

export const clusterStatus = () => control("/status");
export const moveSessionsTo = (store: ClusterStatus["store"]) => control("/store", { store });
export const restartInstance = (instance: string) => control("/restart", { instance });
export const setRedis = (state: ClusterStatus["redis"]) => control("/redis", { state });

/** This browser's credentials, as cookies to forward (its session and its access token). */
async function heldCookies(): Promise<string> {
  const jar = await cookies();
  const names = cookieNames(isHttps());
  return [names.session, names.jwtAccess]
    .map((name) => [name, jar.get(name)?.value] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

/** One request to one instance, answered (or "down") with who answered it. */
export async function askInstance(
  instance: { id: string; url: string },
  label: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  json?: unknown,
): Promise<{ answer: Answer; response: Response | null }> {
  const request = `${method} ${path}`;
  try {
    const response = await fetch(new URL(path, instance.url), {
      method,
      headers: {
        origin: getEnv().APP_URL,
        ...(json === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
      cache: "no-store",
      redirect: "manual",
      signal: AbortSignal.timeout(5000),
    });
    const body = response.headers.get("content-type")?.includes("json")
      ? ((await response
          .clone()
          .json()
          .catch(() => null)) as { error?: { code?: string } } | null)
      : null;
    return {
      answer: {
        instance: instance.id,
        label,
        request,
        status: response.status,
        answeredBy: response.headers.get("x-instance"),
        code: body?.error?.code ?? null,
      },
      response,
    };
  } catch {
    // The instance is down (restarting): that is an answer too.
    return {
      answer: { instance: instance.id, label, request, status: 0, answeredBy: null, code: "down" },
      response: null,
    };
  }
}

/** Asks every instance the same three questions with this browser's cookies. */
export async function askEveryInstance(): Promise<Answer[]> {
  const cookie = await heldCookies();
  const access = (await cookies()).get(cookieNames(isHttps()).jwtAccess)?.value;
  const answers = await Promise.all(
    clusterInstances().map(async (instance) => [
      (await askInstance(instance, "server session", "GET", "/api/session/me", { cookie })).answer,
      (await askInstance(instance, "JWT, checked", "GET", "/api/jwt/me", { cookie })).answer,
      (
        await askInstance(instance, "JWT, stateless", "GET", "/api/downstream/profile", {
          ...(access ? { authorization: `Bearer ${access}` } : {}),
        })
      ).answer,
    ]),
  );
  return answers.flat();
}

const setCookiesOf = (response: Response | null) => response?.headers.getSetCookie() ?? [];

/** Copies an instance's Set-Cookie headers onto this response: the browser now holds them. */
async function keepCookies(setCookies: string[]): Promise<void> {
  const jar = await cookies();
  for (const header of setCookies) {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const [name = "", ...rest] = pair.split("=");
    const options = Object.fromEntries(
      attributes.map((attribute) => {
        const [key = "", value] = attribute.split("=");
        return [key.toLowerCase(), value ?? true];
      }),
    );
    jar.set(name, rest.join("="), {
      httpOnly: Boolean(options.httponly),
      secure: Boolean(options.secure),
      sameSite: "lax",
      path: typeof options.path === "string" ? options.path : "/",
      ...(typeof options["max-age"] === "string" ? { maxAge: Number(options["max-age"]) } : {}),
      ...(typeof options.expires === "string" ? { expires: new Date(options.expires) } : {}),
    });
  }
}

/**
 * Signs this browser in on one instance (a new throwaway person, a server session and a JWT pair,
 * both made by that instance alone), then asks every instance who it is.
 */
export async function signInOn(instanceName: string): Promise<Answer[]> {
  const instance = clusterInstances().find((candidate) => candidate.id === instanceName);
  if (!instance) return [];
  // Our own requests to our own instances: each from a fresh address, so the lab never trips the throttle.
  const from = { "x-forwarded-for": `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}` };
  const person = {
    name: "Scaling demo",
    email: `scaling-${randomUUID().slice(0, 8)}@lab.authlab.test`,
    password: `scaling ${randomUUID()}`,
  };
  const registered = await askInstance(instance, "register", "POST", "/api/register", from, person);
  const credentials = { email: person.email, password: person.password };
  const session = await askInstance(
    instance,
    "sign in (session)",
    "POST",
    "/api/session/login",
    from,
    credentials,
  );
  const jwt = await askInstance(
    instance,
    "sign in (JWT)",
    "POST",
    "/api/jwt/login",
    from,
    credentials,
  );
  await keepCookies([...setCookiesOf(session.response), ...setCookiesOf(jwt.response)]);
  return [registered.answer, session.answer, jwt.answer];
}

/**
 * Signs this browser's session out on one instance, then presents the very same (copied) cookie to
 * every instance: a revocation on one must be refused at once by all.
 */
export async function signOutOnThenReplay(instanceName: string): Promise<Answer[]> {
  const instance = clusterInstances().find((candidate) => candidate.id === instanceName);
  if (!instance) return [];
  const cookie = await heldCookies();
  const out = await askInstance(instance, "sign out (session)", "POST", "/api/session/logout", {
    cookie,
  });
  const replays = await Promise.all(
    clusterInstances().map(
      async (other) =>
        (
          await askInstance(other, "the copied session cookie", "GET", "/api/session/me", {
            cookie,
          })
        ).answer,
    ),
  );
  (await cookies()).delete(cookieNames(isHttps()).session);
  return [out.answer, ...replays];
}

export const servedBy = instanceId;
