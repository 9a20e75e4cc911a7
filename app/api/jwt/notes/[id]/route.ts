import { jwtAuthenticator } from "@/lib/auth/jwt/route-auth";
import { noteItemRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = noteItemRoutes({
  strategy: "jwt",
  origin: "bearer-ok",
  auth: jwtAuthenticator(),
});
