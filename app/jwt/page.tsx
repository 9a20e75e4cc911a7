import type { Metadata } from "next";
import { ComingSoon } from "../_components/coming-soon";

export const metadata: Metadata = { title: "JWT access + refresh" };

export default function JwtPage() {
  return (
    <ComingSoon
      id="jwt"
      title="JWT access + refresh tokens"
      points={[
        "Sign in and receive a short-lived ES256 access token and a rotating refresh token.",
        "See the token decoded: anyone holding it can read its payload.",
        "Watch a refresh token family rotate, and what happens when an old one is reused.",
      ]}
    />
  );
}
