import "server-only";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { readAccessCookie } from "./cookies";
import { getCurrentJwt } from "./guard";

// What a page needs to know about this browser's JWT: signed in (and the token, decoded for
// display), expired but perhaps refreshable, or signed out.

export type DecodedToken = {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  size: number;
};

export type JwtPageState =
  | {
      state: "signed-in";
      user: { id: string; email?: string; name?: string | null };
      iat: number;
      exp: number;
      decoded: DecodedToken;
    }
  | { state: "expired" }
  | { state: "unavailable" }
  | { state: "signed-out" };

export async function jwtPageState(): Promise<JwtPageState> {
  const auth = await getCurrentJwt();
  if (auth.ok) {
    const token = (await readAccessCookie()) ?? "";
    return {
      state: "signed-in",
      user: auth.user,
      iat: auth.claims.iat,
      exp: auth.claims.exp,
      decoded: {
        header: decodeProtectedHeader(token),
        payload: decodeJwt(token),
        size: token.length,
      },
    };
  }
  if (auth.reason === "expired") return { state: "expired" };
  return auth.reason === "unavailable" ? { state: "unavailable" } : { state: "signed-out" };
}
