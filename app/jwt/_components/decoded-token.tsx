import { JsonBlock } from "@/app/_components/json-block";
import type { DecodedToken } from "@/lib/auth/jwt/current";
import { Countdown } from "./countdown";

/** The access token as anyone holding it can read it: base64url is an encoding, not encryption. */
export function DecodedTokenView({ token, exp }: { token: DecodedToken; exp: number }) {
  return (
    <section aria-labelledby="decoded-heading" className="space-y-3 card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="decoded-heading" className="text-lg font-semibold">
          Your access token, decoded
        </h2>
        <p className="text-sm">
          Expires in <Countdown expiresAt={exp} /> · {token.size} bytes
        </p>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Anyone who holds this token can read everything below: it is encoded, not encrypted. That is
        why it carries ids only, never an email or a secret. The signature (not shown) is what makes
        it trustworthy.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <CaptionedJson label="Header" value={token.header} />
        <CaptionedJson label="Payload" value={token.payload} />
      </div>
    </section>
  );
}

function CaptionedJson({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </figcaption>
      <JsonBlock value={value} label={`${label} of the access token`} />
    </figure>
  );
}
