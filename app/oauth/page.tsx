import type { Metadata } from "next";
import { ComingSoon } from "../_components/coming-soon";

export const metadata: Metadata = { title: "Google and GitHub sign-in" };

export default function OAuthPage() {
  return (
    <ComingSoon
      id="oauth"
      title="Google and GitHub sign-in"
      points={[
        "Sign in through a local identity provider that plays Google (OpenID Connect) and GitHub (OAuth 2.0).",
        "See that the app never receives a password, and that provider tokens stay on the server.",
        "Make a delegated API call on your behalf: OAuth is authorization.",
      ]}
    />
  );
}
