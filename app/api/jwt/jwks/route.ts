import { publicJwks } from "@/lib/auth/jwt/keys";
import { methodNotAllowed } from "@/lib/http/route";

// Served at /.well-known/jwks.json (a rewrite in next.config.ts): the public keys any service
// needs to verify our access tokens. Cached, but briefly, so a rotation is picked up soon.
export async function GET() {
  return Response.json(await publicJwks(), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
