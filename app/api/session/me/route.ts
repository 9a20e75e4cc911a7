import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "session",
  origin: "strict",
  auth: authenticateSessionRequest,
  methods: { GET: async (_request, { user }) => json({ strategy: "session", user }) },
});
