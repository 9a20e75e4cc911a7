"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { passwordPerson } from "@/lib/auth/account/person";
import { credentialsOfThisBrowser, renewKeptAccessToken } from "@/lib/auth/account/this-browser";
import { STRATEGIES } from "@/lib/auth/names";
import { unlinkAccount } from "@/lib/auth/oauth/accounts";
import { isFresh, startLinkIntent } from "@/lib/auth/oauth/link";
import { startProviderSignIn } from "@/lib/auth/oauth/start";
import { currentOAuthSignIn, signOutOAuthHere } from "@/lib/auth/oauth/sessions";
import { confirmPassword } from "@/lib/auth/sign-in";
import { getStrategy } from "@/lib/auth/strategies";
import { type FormState, textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

const providerSchema = z.enum(["google", "github"]);
const ACCOUNT = STRATEGIES.oauth.protectedPaths[0];
const LINK_PAGE = "/oauth/link";

/** Sign in with a provider. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(STRATEGIES.oauth.loginPath);
  await startProviderSignIn(provider.data, safeNextPath(formData.get("next"), ACCOUNT));
}

export type LinkState = FormState<"password">;

/**
 * A person signed in with a password links a provider: a fresh proof first (a sign-in made in the
 * last few minutes, or the password typed now), then a single-use link intent for that provider,
 * then the provider's own sign-in.
 */
export async function startPasswordLink(_prev: LinkState, formData: FormData): Promise<LinkState> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) return { status: "error", message: "Choose Google or GitHub." };
  const current = await passwordPerson();
  if (current.state === "signed-out")
    redirect(`${STRATEGIES.session.loginPath}?next=${encodeURIComponent(LINK_PAGE)}`);
  if (current.state === "two-people")
    return {
      status: "error",
      message:
        "This browser is signed in as two different people (a server session and a JWT). Sign out of one first.",
    };
  const { person } = current;
  if (!isFresh(person.signedInAt)) {
    const proof = await confirmPassword(
      person.user,
      textField(formData, "password"),
      await currentRequestContext(),
    );
    if (!proof.ok)
      return {
        status: "error",
        message: "Nothing was linked.",
        fieldErrors: { password: [proof.message] },
      };
  }
  await startLinkIntent(person.user.id, provider.data, LINK_PAGE);
  await startProviderSignIn(provider.data, LINK_PAGE);
  return { status: "idle" };
}

/** A person signed in through a provider links another one, with a sign-in just made as proof. */
export async function startProviderLink(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(ACCOUNT);
  const current = await currentOAuthSignIn();
  if (!current) redirect(`${STRATEGIES.oauth.loginPath}?next=${encodeURIComponent(ACCOUNT)}`);
  if (!isFresh(current.signedInAt)) redirect(`${ACCOUNT}?link=stale`);
  await startLinkIntent(current.user.id, provider.data, ACCOUNT);
  await startProviderSignIn(provider.data, ACCOUNT);
}

/** Signs in again through a provider, to make a fresh proof before linking. */
export async function signInAgain(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(ACCOUNT);
  await signOutOAuthHere(await currentRequestContext());
  await startProviderSignIn(provider.data, ACCOUNT);
}

/**
 * Unlinks a provider, for whoever this browser is (through a provider, or with a password on the
 * linking page), and ends every other credential of the person: sessions made through it go too.
 */
export async function unlinkProvider(formData: FormData): Promise<void> {
  const from = formData.get("from") === "password" ? LINK_PAGE : ACCOUNT;
  const person =
    from === ACCOUNT
      ? (await currentOAuthSignIn())?.user
      : await passwordPerson().then((result) =>
          result.state === "signed-in" ? result.person.user : null,
        );
  if (!person) redirect(from === ACCOUNT ? STRATEGIES.oauth.loginPath : LINK_PAGE);
  const keep = await credentialsOfThisBrowser(person.id);
  const result = await unlinkAccount(
    person.id,
    textField(formData, "provider"),
    keep,
    await currentRequestContext(),
  );
  revalidatePath(from);
  if (!result.ok) redirect(`${from}?unlink=${result.reason}`);
  await renewKeptAccessToken(keep, person.id, result.ended.tokenVersion);
  redirect(`${from}?unlinked=${textField(formData, "provider")}`);
}

export async function signOutOAuth(): Promise<void> {
  await getStrategy("oauth").signOut(await currentRequestContext());
  // The sign-in page then explains that the provider still remembers this browser.
  redirect(`${STRATEGIES.oauth.loginPath}?signed-out=1`);
}

export async function signOutEverywhereOAuth(): Promise<void> {
  await getStrategy("oauth").signOutEverywhere(await currentRequestContext());
  redirect(`${STRATEGIES.oauth.loginPath}?signed-out=1`);
}
