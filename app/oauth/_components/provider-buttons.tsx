import { providerInfo } from "@/lib/auth/oauth/providers";
import { signInWithProvider } from "../actions";

/** One button per provider, saying plainly whether it is the real one or the local stand-in. */
export function ProviderButtons({ next, verb = "Continue with" }: { next: string; verb?: string }) {
  return (
    <ul className="space-y-3">
      {providerInfo().map((provider) => (
        <li key={provider.id}>
          <form action={signInWithProvider}>
            <input type="hidden" name="provider" value={provider.id} />
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="btn-secondary w-full justify-between">
              <span>
                {verb} {provider.name}
              </span>
              <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
                {provider.local ? "local identity provider" : provider.name}
              </span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
