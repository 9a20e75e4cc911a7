import { startRegistration } from "@/lib/auth/passkey/http";
import { route } from "@/lib/http/route";

// Passkeys (lib/auth/passkey/http.ts). Strict Origin: a foreign page must not start or finish a
// ceremony with this browser's cookies.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  strategy: "session",
  methods: { POST: startRegistration },
});
