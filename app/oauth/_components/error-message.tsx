import Link from "next/link";
import { STRATEGIES } from "@/lib/auth/names";

// What each Auth.js error means for the person, in their terms, and what to do next: every
// message ends in a way forward, including for people who never had a password.

const LINK_PAGE = "/oauth/link";

const MESSAGES: Record<string, { title: string; body: React.ReactNode }> = {
  AccessDenied: {
    title: "Access denied",
    body: "You declined to share your account with Auth Lab, so you are not signed in. Nothing was stored. Press a provider below to try again, or use another way in.",
  },
  IdTokenInvalid: {
    title: "The provider's ID token was refused",
    body: "The ID token that came back was not signed by the provider's published keys (or was not made for Auth Lab, or for this sign-in), so it proves nothing about who you are. Nothing was stored. Try again (without the local provider's test switch, if you ticked it).",
  },
  OAuthAccountNotLinked: {
    title: "This account is not linked",
    body: (
      <>
        An Auth Lab account already uses this email address (or this provider account belongs to
        someone else). Auth Lab never links accounts on its own: whoever controls an email at a
        provider could otherwise take over your account. To link it, sign in the way you first did,
        then link this provider:
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            with a password:{" "}
            <Link href={`${STRATEGIES.session.loginPath}?next=${LINK_PAGE}`} className="link">
              sign in with your password
            </Link>
            , then use the{" "}
            <Link href={LINK_PAGE} className="link">
              linking page
            </Link>
            ;
          </li>
          <li>
            with the other provider (if you never had a password): continue with it below, then
            press “Link another provider” on your account page.
          </li>
        </ul>
      </>
    ),
  },
};

const FALLBACK = {
  title: "Sign-in failed",
  body: "The sign-in could not be completed (an expired or replayed link, or a check that did not match). Nothing was stored. Start again with a provider below.",
};

export function OAuthErrorMessage({ code }: { code: string }) {
  const message = MESSAGES[code] ?? FALLBACK;
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/40 bg-danger/5 p-4"
      data-testid="oauth-error"
    >
      <h2 className="font-semibold">{message.title}</h2>
      <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{message.body}</div>
    </div>
  );
}
