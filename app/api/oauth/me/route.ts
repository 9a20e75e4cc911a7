import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "oauth",
  origin: "strict",
  auth: authenticateOAuthRequest,
  methods: { GET: async (_request, { user }) => json({ strategy: "oauth", user }) },
});
