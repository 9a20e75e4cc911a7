import { jwtAuthenticator } from "@/lib/auth/jwt/route-auth";
import { noteItemRoutes } from "@/lib/http/notes-routes";

export const { DELETE, GET, POST, PUT, PATCH } = noteItemRoutes("jwt", jwtAuthenticator());
