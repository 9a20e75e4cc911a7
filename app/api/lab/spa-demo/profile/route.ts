import { verifyAccessToken } from "@/lib/auth/jwt/access-token";
import { jwtSettings } from "@/lib/auth/jwt/config";
import { bearerError, takingBearer } from "@/lib/http/bearer";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// The only endpoint that accepts the XSS demo's token (its audience): it stands for "the API a
// careless SPA calls". The app's own APIs and the downstream service refuse that token.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "jwt",
  origin: "none",
  methods: {
    GET: takingBearer("the demo token", async (token, { timing }) => {
      const verified = await timing.measure("verify", () =>
        verifyAccessToken(token, jwtSettings().demoAudience),
      );
      if (!verified.ok)
        return bearerError(
          "invalid_token",
          `The demo API rejected the token: ${verified.reason}.`,
          {},
        );
      return json({
        service: "the demo SPA's API",
        subject: verified.claims.sub,
        expiresAt: new Date(verified.claims.exp * 1000).toISOString(),
      });
    }),
  },
});
