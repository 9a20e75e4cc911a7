import Link from "next/link";

// What each Auth.js error means for the person, in their terms.
const MESSAGES: Record<string, { title: string; body: React.ReactNode }> = {
  AccessDenied: {
    title: "Access denied",
    body: "You declined to share your account with Auth Lab, so you are not signed in. Nothing was stored.",
  },
  IdTokenInvalid: {
    title: "The provider's ID token was refused",
    body: "The ID token that came back was not signed by the provider's published keys (or was not made for Auth Lab, or for this sign-in), so it proves nothing about who you are. Nothing was stored.",
  },
  OAuthAccountNotLinked: {
    title: "This account is not linked",
    body: (
      <>
        An Auth Lab account already uses this email address (or this provider account belongs to
        someone else). Auth Lab never links accounts on its own: whoever controls an email at a
        provider could otherwise take over your account. To link it, first{" "}
        <Link href="/session/login?next=/oauth/link" className="link">
          sign in with your password
        </Link>
        , then link the provider from the{" "}
        <Link href="/oauth/link" className="link">
          linking page
        </Link>
        .
      </>
    ),
  },
};

const FALLBACK = {
  title: "Sign-in failed",
  body: "The sign-in could not be completed (an expired or replayed link, or a check that did not match). Nothing was stored. Try again.",
};

export function OAuthErrorMessage({ code }: { code: string }) {
  const message = MESSAGES[code] ?? FALLBACK;
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-4">
      <h2 className="font-semibold">{message.title}</h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{message.body}</p>
    </div>
  );
}
