import { TokenViewer } from "@/app/_components/token-viewer";
import type { TokenView } from "@/lib/tokens/anatomy";
import { Countdown } from "./countdown";

/** The access token as anyone holding it can read it: base64url is an encoding, not encryption. */
export function DecodedTokenView({ token, exp }: { token: TokenView; exp: number }) {
  return (
    <section aria-labelledby="decoded-heading" className="space-y-3 card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="decoded-heading" className="text-lg font-semibold">
          Your access token, taken apart
        </h2>
        <p className="text-sm">
          Expires in <Countdown expiresAt={exp} />
        </p>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Anyone who holds this token can read everything below. That is why it carries ids only,
        never an email or a secret: the signature is what makes it trustworthy, not secrecy.
      </p>
      <TokenViewer view={token} />
    </section>
  );
}
