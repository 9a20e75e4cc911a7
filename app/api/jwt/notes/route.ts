import { jwtAuthenticator } from "@/lib/auth/jwt/route-auth";
import { notesCollectionRoutes } from "@/lib/http/notes-routes";

export const { GET, POST, PUT, PATCH, DELETE } = notesCollectionRoutes("jwt", jwtAuthenticator());
