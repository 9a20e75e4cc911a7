import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { endedCauses } from "@/lib/lab/ended";
import { restoreMyLifetimes, shortenMyLifetimes } from "@/lib/lab/lifetimes";

// The expiry experiment's switch (POST): shortens this browser's own session and JWT family. It acts on
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

// The undo: the configured lifetimes again, for the same session and family. When nothing of
// this browser's is live any more, the answer says why (the experiment may have ended it).
async function restore() {
  const restored = await restoreMyLifetimes();
  if (restored.session || restored.jwt) return json(restored);
  const ended = await endedCauses();
  return jsonError(
    401,
    "unauthorized",
    ended.session
      ? `${ended.session}: sign in again. A new sign-in has the normal lifetimes.`
      : "Nothing to undo: this browser holds no live server session or JWT sign-in. A new sign-in has the normal lifetimes.",
  );
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: shorten, DELETE: restore },
});
