import { startSession } from "@/lib/auth/session/lifecycle";
import { credentialsRoute } from "@/lib/auth/http/credentials-route";
import { json } from "@/lib/http/json";

// JSON sign-in for the session strategy (the page uses a server action; this is the same check
// for scripts and tests). Success sets the sealed session cookie.
export const { GET, POST, PUT, PATCH, DELETE } = credentialsRoute({
  strategy: "session",
  origin: "strict",
  onSuccess: async (user, context) => {
    const session = await startSession(user, user.provenance, context);
    const { id, email, name } = user;
    return json({
      strategy: "session",
      user: { id, email, name },
      expiresAt: session.absoluteExpiresAt.toISOString(),
    });
  },
});
