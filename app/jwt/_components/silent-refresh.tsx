/** What a JWT page shows for the moment the header's TokenKeeper refreshes an expired token. */
export function SilentRefresh() {
  return (
    <p
      role="status"
      className="mx-auto max-w-md py-12 text-center text-zinc-600 dark:text-zinc-400"
    >
      Refreshing your sign-in…
    </p>
  );
}
