import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { noteItemRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = noteItemRoutes({
  strategy: "oauth",
  origin: "strict",
  auth: authenticateOAuthRequest,
});
