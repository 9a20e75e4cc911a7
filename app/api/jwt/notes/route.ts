import { jwtAuthenticator } from "@/lib/auth/jwt/route-auth";
import { notesCollectionRoutes } from "@/lib/auth/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes({
  strategy: "jwt",
  origin: "bearer-ok",
  auth: jwtAuthenticator(),
});
