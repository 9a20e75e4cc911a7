import { redirect } from "next/navigation";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategy } from "@/lib/auth/strategies";

export default async function OAuthPage() {
  redirect(
    (await getStrategy("oauth").currentUser()) ? "/oauth/account" : STRATEGIES.oauth.loginPath,
  );
}
