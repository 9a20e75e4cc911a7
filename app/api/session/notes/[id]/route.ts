import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { noteItemRoutes } from "@/lib/http/notes-routes";

export const { DELETE, GET, POST, PUT, PATCH } = noteItemRoutes(
  "session",
  authenticateSessionRequest,
);
