import { getEnv } from "@/lib/env";

// What a deployment with no provider credentials shows wherever provider sign-in would be: that
// it is off here, that sessions and JWTs work as ever, and how whoever deployed it turns it on.

export function OAuthNotConfigured() {
  const callback = (provider: string) =>
    new URL(`/api/auth/callback/${provider}`, getEnv().APP_URL).href;
  return (
    <div className="space-y-2 text-sm" data-testid="oauth-not-configured">
      <p>
        <strong>Google and GitHub sign-in are not configured on this deployment.</strong> Server
        sessions and JWTs work as usual.
      </p>
      <p className="text-zinc-600 dark:text-zinc-400">
        To turn them on, register an OAuth app with Google (callback{" "}
        <code className="break-all">{callback("google")}</code>) or GitHub (callback{" "}
        <code className="break-all">{callback("github")}</code>) and set <code>AUTH_GOOGLE_ID</code>{" "}
        and <code>AUTH_GOOGLE_SECRET</code>, or <code>AUTH_GITHUB_ID</code> and{" "}
        <code>AUTH_GITHUB_SECRET</code>, in the deployment&apos;s environment; either one alone is
        enough.
      </p>
    </div>
  );
}
