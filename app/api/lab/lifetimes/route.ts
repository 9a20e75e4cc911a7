import { json, jsonError } from "@/lib/http/json";
import { checkOrigin } from "@/lib/http/origin";
import { internalError, methodNotAllowed } from "@/lib/http/route";
import { shortenMyLifetimes } from "@/lib/lab/lifetimes";

// The expiry experiment's switch: shortens this browser's own session and JWT family. It acts on
// cookies alone, so a cross-site Origin is refused whatever other headers come with it; 401 when
// there is nothing of this browser's to shorten.
export async function POST(request: Request) {
  try {
    if (checkOrigin(request) === "cross-site")
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const shortened = await shortenMyLifetimes();
    if (!shortened.session && !shortened.jwt)
      return jsonError(
        401,
        "unauthorized",
        "Sign in with a server session or a JWT first: there is nothing to shorten.",
      );
    return json(shortened);
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
