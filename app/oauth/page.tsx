import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/oauth/auth";

export default async function OAuthPage() {
  redirect((await auth())?.user ? "/oauth/account" : "/oauth/login");
}
