import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { shortenMyLifetimes } from "@/lib/lab/lifetimes";

// The expiry experiment's switch: shortens this browser's own session and JWT family. It acts on
// cookies alone, so a cross-site Origin is refused whatever other headers come with it; 401 when
// there is nothing of this browser's to shorten.
async function shorten() {
  const shortened = await shortenMyLifetimes();
  if (!shortened.session && !shortened.jwt)
    return jsonError(
      401,
      "unauthorized",
      "Sign in with a server session or a JWT first: there is nothing to shorten.",
    );
  return json(shortened);
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: shorten },
});
