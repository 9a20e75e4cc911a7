import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { notesCollectionRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes({
  strategy: "oauth",
  origin: "strict",
  auth: authenticateOAuthRequest,
});
