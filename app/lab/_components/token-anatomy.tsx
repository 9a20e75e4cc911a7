import { cookies } from "next/headers";
import { TokenViewer } from "@/app/_components/token-viewer";
import type { SignedIn } from "@/lib/lab/catalogue";
import { credentialSizes } from "@/lib/lab/experiments/anatomy";
import type { JwtColumn } from "@/lib/lab/server-view";
import { JwtDecoder } from "./jwt-decoder";
import { LabSection } from "./lab-section";
import { NeedsLink } from "./needs-link";

// A token's three parts, any pasted token decoded (and verified on request), and the bytes each
// credential this browser holds adds to every request.

export async function TokenAnatomy({ jwt, signedIn }: { jwt: JwtColumn; signedIn: SignedIn }) {
  const held = new Map((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
  const sizes = credentialSizes(held);
  const rows = [
    [
      "session",
      "Session cookie",
      sizes.sessionCookie,
      "a sealed reference; the state stays on the server",
    ],
    [
      "access",
      "Access-token cookie",
      sizes.accessCookie,
      "the whole signed token, on every request",
    ],
    ["bearer", "The same token as a Bearer header", sizes.bearerHeader, "what an API client sends"],
    ["oauth", "Auth.js session cookie", sizes.oauthCookie, "an opaque random token"],
  ] as const;
  return (
    <LabSection
      id="token-anatomy"
      title="What's in a token, and what it costs"
      card
      intro="A JWT is three base64url parts: a header that says how it was signed, a payload of claims, and the signature. The first two anyone can read. Every request carries it whole."
    >
      {jwt.signedIn ? (
        <TokenViewer view={jwt.token} editable={false} />
      ) : (
        <NeedsLink id="token-anatomy" signedIn={signedIn} />
      )}
      <JwtDecoder />
      <table className="w-full text-sm" data-testid="credential-sizes">
        <caption className="mb-1 text-left font-semibold">
          Bytes each credential adds to every request, from what your browser holds now
        </caption>
        <thead>
          <tr className="text-left text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-1 pr-2 font-medium">
              Credential
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Bytes
            </th>
            <th scope="col" className="hidden py-1 font-medium sm:table-cell">
              What it is
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, bytes, what]) => (
            <tr
              key={key}
              className="border-t border-zinc-200 dark:border-zinc-800"
              data-credential={key}
              data-bytes={bytes ?? ""}
            >
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {label}
              </th>
              <td className="py-1 pr-2 font-mono">{bytes === null ? "not held" : bytes}</td>
              <td className="hidden py-1 text-zinc-600 sm:table-cell dark:text-zinc-400">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </LabSection>
  );
}
