import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { notesCollectionRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes({
  strategy: "session",
  origin: "strict",
  auth: authenticateSessionRequest,
});
