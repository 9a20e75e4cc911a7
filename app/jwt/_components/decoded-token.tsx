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
        <JsonBlock label="Header" value={token.header} />
        <JsonBlock label="Payload" value={token.payload} />
      </div>
    </section>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </figcaption>
      <pre
        tabIndex={0}
        aria-label={`${label} of the access token`}
        className="overflow-x-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950"
      >
        {JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
