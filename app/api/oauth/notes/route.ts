import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { notesCollectionRoutes } from "@/lib/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes(
  "oauth",
  authenticateOAuthRequest,
);
