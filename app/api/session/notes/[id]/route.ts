import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { noteItemRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = noteItemRoutes({
  strategy: "session",
  origin: "strict",
  auth: authenticateSessionRequest,
});
