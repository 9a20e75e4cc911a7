import type { TokenView } from "@/lib/tokens/anatomy";

// The token as it travels, its three parts in their colours (shared by the viewer and the editor).

export const PART_STYLE = {
  header: "text-rose-700 dark:text-rose-300",
  payload: "text-violet-700 dark:text-violet-300",
  signature: "text-sky-700 dark:text-sky-300",
} as const;

export function EncodedToken({ view, payload }: { view: TokenView; payload?: string }) {
  return (
    <p
      className="rounded-lg bg-zinc-100 p-3 font-mono text-xs break-all dark:bg-zinc-950"
      data-testid="token-encoded"
    >
      <span className={PART_STYLE.header} data-part="header">
        {view.encodedHeader}
      </span>
      .
      <span className={PART_STYLE.payload} data-part="payload">
        {payload ?? view.encodedPayload}
      </span>
      .
      <span className={PART_STYLE.signature} data-part="signature">
        {view.signaturePreview}…
      </span>
    </p>
  );
}
