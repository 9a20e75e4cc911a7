import { z } from "zod";
import { recentlyProvenBrowser } from "@/lib/auth/account/recently-proven";
import { strategyOfProof } from "@/lib/auth/account/this-browser";
import { authorizationUrl } from "@/lib/auth/oauth/start";
import { readJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// Starting a link for a script or a single-page app, with the same rule as the pages' button:
// whatever this request's cookies hold, a link needs a recent proof of who the person is. The
// answer is the provider's authorization address (a single-use intent bound to that round), or
// 403 reauth_required with where to confirm. A copied cookie, exchanged or not, is never fresher
// than the sign-in it came from, so it gets the 403 (the lab's takeover experiment shows it).

const body = z.object({ provider: z.enum(["google", "github"]) }).strict();
const RETURN_TO = "/account";

async function startLink(request: Request) {
  const parsed = await readJsonBody(request, body);
  if (!parsed.ok) return parsed.response;
  const browser = await recentlyProvenBrowser(
    "link",
    RETURN_TO,
    "Linking needs a recent proof of who you are: confirm it is you first.",
  );
  if (browser instanceof Response) return browser;
  const url = await authorizationUrl(parsed.data.provider, RETURN_TO, {
    purpose: "link",
    userId: browser.user.id,
    epoch: browser.proof.epoch,
    proof: browser.proof.method,
    fromCredential: strategyOfProof(browser),
    returnTo: RETURN_TO,
  });
  return json({ authorize_url: url });
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: startLink },
});
