import { signOutSession } from "@/lib/auth/session/lifecycle";
import { jsonError } from "@/lib/http/json";
import { checkOrigin } from "@/lib/http/origin";
import { methodNotAllowed, strategyRoute } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

export const POST = strategyRoute("session", async (request) => {
  if (checkOrigin(request) === "cross-site") {
    return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
  }
  await signOutSession(contextFrom(request.headers));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
