import { providerName } from "@/lib/auth/names";

// What a link, an unlink or a refusal came back with (the callback and the actions say it in the
// query string), in the person's terms.

const name = (provider: unknown) => (typeof provider === "string" ? providerName(provider) : "");

const PROBLEMS: Record<string, string> = {
  taken:
    "That provider account is already linked to someone else's Auth Lab account, so it was not linked to yours.",
  ended:
    "Nothing was linked: every sign-in of yours was ended while you were at the provider (a password change, say). Sign in and link again.",
  "use-link":
    "That provider account isn't linked to you. To add it, use “Link” below: Auth Lab never links an account just because a browser is signed in.",
};
const UNLINK_PROBLEMS: Record<string, string> = {
  last_method:
    "That is your only way to sign in, so it stays linked. Link another provider or set a password first.",
  not_linked: "That provider is not linked.",
};

export function LinkOutcome({ params }: { params: Record<string, string | string[] | undefined> }) {
  const { linked, unlinked, link, unlink } = params;
  const problem =
    (typeof link === "string" && PROBLEMS[link]) ||
    (typeof unlink === "string" && UNLINK_PROBLEMS[unlink]);
  if (problem)
    return (
      <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
        {problem}
      </p>
    );
  const done =
    (typeof linked === "string" && `${name(linked)} is linked: it can sign you in from now on.`) ||
    (typeof unlinked === "string" &&
      `${name(unlinked)} is unlinked, and every other sign-in of yours has ended.`);
  return done ? (
    <p role="status" className="rounded-lg border border-success/40 bg-success/5 p-3 text-sm">
      {done}
    </p>
  ) : null;
}
