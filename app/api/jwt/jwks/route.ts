import { publicJwks } from "@/lib/auth/jwt/keys";
import { route } from "@/lib/http/route";

// Served at /.well-known/jwks.json (a rewrite in next.config.mjs): the public keys any service
// needs to verify our access tokens. Cached, but briefly, so a rotation is picked up soon.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "none",
  methods: {
    GET: async () =>
      Response.json(await publicJwks(), {
        headers: { "Cache-Control": "public, max-age=60" },
      }),
  },
});
