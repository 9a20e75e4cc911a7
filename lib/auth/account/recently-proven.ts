import "server-only";
import { jsonError } from "@/lib/http/json";
import { confirmPathFor, isRecent, type SensitiveAction } from "./recent-proof";
import { type SignedInBrowser, thisBrowser } from "./this-browser";

/**
 * For a route handler about to do `action`: this browser, signed in as one person with a recent
 * proof, or the answer that says why not (401, 409, or 403 reauth_required with when the proof was
 * given and where to confirm; a copied credential is never fresher than its source).
 */
export async function recentlyProvenBrowser(
  action: SensitiveAction,
  returnTo: string,
  message: string,
): Promise<SignedInBrowser | Response> {
  const browser = await thisBrowser();
  if (browser.state === "signed-out") return jsonError(401, "unauthorized", "Sign in first.");
  if (browser.state === "two-people")
    return jsonError(409, "conflict", "These cookies name two different people.");
  if (!isRecent(browser.proof))
    return Response.json(
      {
        error: { code: "reauth_required", message },
        auth_time: Math.floor(browser.proof.authTime.getTime() / 1000),
        confirm_url: confirmPathFor(action, returnTo),
      },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  return browser;
}
