import { redirect } from "next/navigation";
import { jwtPageState } from "@/lib/auth/jwt/current";
import { STRATEGIES } from "@/lib/auth/names";

/**
 * This browser's JWT sign-in, for the page at `path`: signed out, it goes to sign in (told why
 * when its family was revoked) and comes back; with Redis down, to the page that says so. An
 * expired access token is left to the page, which refreshes it silently.
 */
export async function jwtSignedIn(path: string) {
  const current = await jwtPageState();
  if (current.state === "signed-out")
    redirect(`${STRATEGIES.jwt.loginPath}?next=${path}${current.revoked ? "&reason=revoked" : ""}`);
  if (current.state === "unavailable")
    redirect(`/unavailable?store=redis&next=${encodeURIComponent(path)}`);
  return current;
}
