import { z } from "zod";
import { clearTokenCookies, readAccessCookie } from "@/lib/auth/jwt/cookies";
import { signOutWithAccessToken } from "@/lib/auth/jwt/lifecycle";
import { revokeFamilyOfRefreshToken } from "@/lib/auth/jwt/refresh";
import { bearerToken } from "@/lib/http/bearer";
import { readJsonBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// Sign-out: revokes the refresh family and denylists the access token until its exp. Takes the
// access token (Bearer or cookie), or an API client's {"refresh_token": "…"}.

const logoutBody = z.object({ refresh_token: z.string().min(1).max(512) }).strict();

async function signOut(request: Request) {
  const context = contextFrom(request.headers);

  if (request.headers.get("content-type")) {
    const body = await readJsonBody(request, logoutBody);
    if (!body.ok) return body.response;
    await revokeFamilyOfRefreshToken(body.data.refresh_token, context);
  }
  const accessToken = bearerToken(request.headers) ?? (await readAccessCookie());
  if (accessToken) await signOutWithAccessToken(accessToken, context);
  await clearTokenCookies();
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "jwt",
  origin: "bearer-ok",
  methods: { POST: signOut },
});
