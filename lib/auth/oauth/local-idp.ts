// How the app and the local identity provider (scripts/idp) know each other. These client
// credentials are public on purpose: only the local provider on 127.0.0.1 accepts them, and it
// holds no real account. Real Google and GitHub use AUTH_GOOGLE_* / AUTH_GITHUB_* instead.

export const LOCAL_IDP_DEFAULT_URL = "http://127.0.0.1:9400";

export const LOCAL_CLIENTS = {
  google: {
    clientId: "auth-lab-local-google",
    clientSecret: "local-google-secret-not-a-real-secret",
  },
  github: {
    clientId: "auth-lab-local-github",
    clientSecret: "local-github-secret-not-a-real-secret",
  },
} as const;

/** Where each provider lives on the local IdP. */
export function localIdpUrls(base: string) {
  return {
    googleIssuer: `${base}/google`,
    githubBase: `${base}/github`,
  };
}
