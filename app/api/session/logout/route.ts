import { signOutSession } from "@/lib/auth/session/lifecycle";
import { jsonError } from "@/lib/http/json";
import { checkOrigin } from "@/lib/http/origin";
import { internalError, methodNotAllowed } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

export async function POST(request: Request): Promise<Response> {
  const response = await handle(request);
  response.headers.set("X-Auth-Strategy", "session");
  return response;
}

async function handle(request: Request): Promise<Response> {
  try {
    if (checkOrigin(request) === "cross-site")
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    await signOutSession(contextFrom(request.headers));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
