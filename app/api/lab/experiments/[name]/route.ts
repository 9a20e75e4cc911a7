import { cookies } from "next/headers";
import { z } from "zod";
import { clearTokenCookies } from "@/lib/auth/jwt/cookies";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { clearOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { deleteSessionCookie } from "@/lib/auth/session/cookie";
import { json, jsonError } from "@/lib/http/json";
import { internalError, isCrossSiteForgery, methodNotAllowed } from "@/lib/http/route";
import { forgedAlgorithmExperiment } from "@/lib/lab/experiments/forged-alg";
import { replayExperiment } from "@/lib/lab/experiments/replay";
import { refreshReuseExperiment } from "@/lib/lab/experiments/refresh-reuse";
import { delegatedExperiment } from "@/lib/lab/experiments/delegated";
import { auth } from "@/lib/auth/oauth/auth";
import { contextFrom } from "@/lib/request-context";
import { tamperExperiment } from "@/lib/lab/experiments/tamper";

// Runs one of the lab's experiments with this browser's own credentials. The answer lists the
// real requests made and what came back; credentials never leave the server.

const nameSchema = z.enum(["replay", "tamper", "forged-alg", "refresh-reuse", "delegated"]);

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  try {
    if (isCrossSiteForgery(request))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const name = nameSchema.safeParse((await params).name);
    if (!name.success) return jsonError(404, "not_found", "No such experiment.");
    const jar = await cookies();
    const held = new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value]));

    if (name.data === "refresh-reuse") {
      const jwt = await getCurrentJwt();
      if (!jwt.ok) return json({ experiment: name.data, probes: [] });
      return json({
        experiment: name.data,
        probes: await refreshReuseExperiment(jwt.user.id, contextFrom(request.headers)),
      });
    }
    if (name.data === "delegated") {
      const user = (await auth())?.user;
      return json({
        experiment: name.data,
        probes: user?.id ? await delegatedExperiment(user.id) : [],
      });
    }
    if (name.data === "tamper")
      return json({ experiment: name.data, probes: await tamperExperiment(held) });
    if (name.data === "forged-alg") {
      const jwt = await getCurrentJwt();
      return json({
        experiment: name.data,
        probes: await forgedAlgorithmExperiment(jwt.ok ? jwt.user.id : "nobody"),
      });
    }
    const result = await replayExperiment(held);
    // The copies are dead now; so are this browser's cookies, each cleared by its own strategy.
    await Promise.all([deleteSessionCookie(), clearTokenCookies(), clearOAuthSessionCookie()]);
    return json({ experiment: name.data, ...result });
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
