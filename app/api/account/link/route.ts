import { z } from "zod";
import { confirmPathFor, isRecent } from "@/lib/auth/account/recent-proof";
import { strategyOfProof, thisBrowser } from "@/lib/auth/account/this-browser";
import { authorizationUrl } from "@/lib/auth/oauth/start";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
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
  const browser = await thisBrowser();
  if (browser.state === "signed-out") return jsonError(401, "unauthorized", "Sign in first.");
  if (browser.state === "two-people")
    return jsonError(409, "conflict", "These cookies name two different people.");
  if (!isRecent(browser.proof))
    return Response.json(
      {
        error: {
          code: "reauth_required",
          message: "Linking needs a recent proof of who you are: confirm it is you first.",
        },
        auth_time: Math.floor(browser.proof.authTime.getTime() / 1000),
        confirm_url: confirmPathFor("link", RETURN_TO),
      },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
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
