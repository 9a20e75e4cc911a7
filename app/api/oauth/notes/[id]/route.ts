import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { noteItemRoutes } from "@/lib/http/notes-routes";

export const { DELETE, GET, POST, PUT, PATCH } = noteItemRoutes("oauth", authenticateOAuthRequest);
