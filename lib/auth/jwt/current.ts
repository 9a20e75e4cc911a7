import "server-only";
import { type TokenView, tokenView } from "@/lib/tokens/anatomy";
import { readAccessCookie } from "./cookies";
import { getCurrentJwt, refreshable } from "./guard";

// What a page needs to know about this browser's JWT: signed in (and the token, decoded for
// display), expired but perhaps refreshable, or signed out.

export type JwtPageState =
  | {
      state: "signed-in";
      user: { id: string; email?: string; name?: string | null };
      iat: number;
      exp: number;
      view: TokenView;
    }
  | { state: "expired" }
  | { state: "unavailable" }
  | { state: "signed-out"; revoked: boolean };

export async function jwtPageState(): Promise<JwtPageState> {
  const auth = await getCurrentJwt();
  if (auth.ok) {
    const token = (await readAccessCookie()) ?? "";
    return {
      state: "signed-in",
      user: auth.user,
      iat: auth.claims.iat,
      exp: auth.claims.exp,
      // The guard just verified it, so it splits.
      view: tokenView("access", "Your access token", token)!,
    };
  }
  if (refreshable(auth)) return { state: "expired" };
  if (auth.reason === "unavailable") return { state: "unavailable" };
  return { state: "signed-out", revoked: auth.reason === "revoked" };
}
