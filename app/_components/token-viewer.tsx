"use client";

import type { TokenView } from "@/lib/tokens/anatomy";
import { useNowSeconds } from "@/app/jwt/_components/countdown";
import { ClaimTable } from "./claim-table";
import { EncodedToken, PART_STYLE } from "./encoded-token";
import { PayloadEditor } from "./payload-editor";

// A token taken apart like jwt.io does it, on the server's real token: the three parts in their
// colours, each field explained, times readable. Edit the payload and the server says, live,
// whether the original signature still matches (it never signs anything, so no edit can succeed).

function PartSizes({ view }: { view: TokenView }) {
  const parts = [
    ["header", "Header", view.bytes.header],
    ["payload", "Payload", view.bytes.payload],
    ["signature", "Signature", view.bytes.signature],
  ] as const;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" data-testid="token-part-sizes">
      {parts.map(([key, name, bytes]) => (
        <li key={key} data-part={key} data-bytes={bytes}>
          <span className={`font-semibold ${PART_STYLE[key]}`}>{name}</span> {bytes} bytes
        </li>
      ))}
      <li data-part="total" data-bytes={view.bytes.total}>
        <span className="font-semibold">Whole token</span> {view.bytes.total} bytes (dots included)
      </li>
    </ul>
  );
}

export function TokenViewer({ view, editable = true }: { view: TokenView; editable?: boolean }) {
  const now = useNowSeconds();
  return (
    <div
      className="@container min-w-0 space-y-3"
      data-testid="token-viewer"
      data-source={view.source}
    >
      <EncodedToken view={view} />
      <PartSizes view={view} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Three base64url parts joined by dots: anyone holding the token can decode the first two
        (they are encoded, not encrypted). The signature is shown cut short: it is what makes the
        token usable, and a script on this page could read the page even though it can&apos;t read
        the HttpOnly cookie.
      </p>
      <div className="grid gap-3 @2xl:grid-cols-2">
        <ClaimTable part="header" values={view.header} now={now} className={PART_STYLE.header} />
        <ClaimTable part="payload" values={view.payload} now={now} className={PART_STYLE.payload} />
      </div>
      {editable ? <PayloadEditor view={view} /> : null}
    </div>
  );
}
