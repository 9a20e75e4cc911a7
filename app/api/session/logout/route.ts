import { signOutSession } from "@/lib/auth/session/lifecycle";
import { route } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "session",
  origin: "strict",
  methods: {
    POST: async (request) => {
      await signOutSession(contextFrom(request.headers));
      return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
    },
  },
});
