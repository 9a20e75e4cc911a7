import { startSession } from "@/lib/auth/session/lifecycle";
import { credentialsRoute } from "@/lib/http/credentials-route";
import { json } from "@/lib/http/json";
import { methodNotAllowed } from "@/lib/http/route";

// JSON sign-in for the session strategy (the page uses a server action; this is the same check
// for scripts and tests). Success sets the sealed session cookie.
export const POST = credentialsRoute("session", async (user, context) => {
  const session = await startSession(user, user.provenance, context);
  const { id, email, name } = user;
  return json({
    strategy: "session",
    user: { id, email, name },
    expiresAt: session.absoluteExpiresAt.toISOString(),
  });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
