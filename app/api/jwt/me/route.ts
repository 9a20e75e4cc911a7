import { readAccessCookie } from "@/lib/auth/jwt/cookies";
import { authenticateJwt } from "@/lib/auth/jwt/guard";
import { jwtFailure } from "@/lib/auth/jwt/route-auth";
import { bearerToken } from "@/lib/http/bearer";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// Who the app's (checked) verifier says you are, and the claims it accepted.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "jwt",
  origin: "none",
  methods: {
    GET: async (request, { timing }) => {
      const auth = await authenticateJwt(
        { bearer: bearerToken(request.headers), cookie: await readAccessCookie(request) },
        timing,
      );
      if (!auth.ok) {
        const failure = jwtFailure(auth.reason);
        return jsonError(failure.status, failure.code, failure.message, failure.headers);
      }
      return json({
        strategy: "jwt",
        verifier: auth.mode,
        transport: auth.transport,
        user: { id: auth.user.id, email: auth.user.email, name: auth.user.name },
        claims: auth.claims,
      });
    },
  },
});
