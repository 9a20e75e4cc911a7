import { getCurrentJwt, refreshable } from "@/lib/auth/jwt/guard";
import { TokenKeeper } from "./token-keeper";

/** Server side of the keeper: passes the (public) times of this browser's access token. */
export async function JwtKeeper() {
  const auth = await getCurrentJwt();
  if (auth.ok) return <TokenKeeper issuedAt={auth.claims.iat} expiresAt={auth.claims.exp} />;
  return refreshable(auth) ? <TokenKeeper expired /> : null;
}
