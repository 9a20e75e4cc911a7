import type { Metadata } from "next";
import { PageLinks } from "@/app/_components/page-links";
import { SignedInPage } from "@/app/_components/signed-in-page";
import { DecodedTokenView } from "./_components/decoded-token";
import { SilentRefresh } from "./_components/silent-refresh";
import { jwtSignedIn } from "./signed-in";

export const metadata: Metadata = { title: "JWT access + refresh" };

export default async function JwtAccountPage() {
  const current = await jwtSignedIn("/jwt");
  if (current.state === "expired") return <SilentRefresh />;
  return (
    <SignedInPage strategy="jwt" title="Signed in with JWT" user={current.user} everywhere>
      <DecodedTokenView token={current.view} exp={current.exp} />
      <PageLinks
        strategy="jwt"
        notes="The protected resource, via your access token."
        links={[
          {
            href: "/jwt/tokens",
            title: "Tokens",
            about: "Your refresh families, drawn as chains.",
          },
        ]}
      />
    </SignedInPage>
  );
}
