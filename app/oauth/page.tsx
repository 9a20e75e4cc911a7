import { redirect } from "next/navigation";
import { STRATEGIES } from "@/lib/auth/names";
import { auth } from "@/lib/auth/oauth/auth";

export default async function OAuthPage() {
  redirect((await auth())?.user ? "/oauth/account" : STRATEGIES.oauth.loginPath);
}
