import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { notesCollectionRoutes } from "@/lib/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes(
  "session",
  authenticateSessionRequest,
);
