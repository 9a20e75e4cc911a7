import { JsonBlock } from "@/app/_components/json-block";
import type { DelegatedCall } from "@/lib/auth/oauth/delegated";

/** The result of calling the provider's API on the person's behalf, with the server's token. */
export function DelegatedResult({ call }: { call: DelegatedCall }) {
  return (
    <figure className="min-w-0 space-y-1" data-testid={`delegated-${call.provider}`}>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        Called on your behalf by the server:{" "}
        <span className="font-mono break-all">GET {call.endpoint}</span>
      </figcaption>
      {call.ok ? (
        <JsonBlock value={call.data} label={`Response from ${call.provider}`} tall />
      ) : (
        <p className="text-sm text-danger">{call.message}</p>
      )}
    </figure>
  );
}
