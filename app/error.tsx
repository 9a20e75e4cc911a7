"use client";

// Unexpected failures only: expected ones (bad input, wrong password) are form messages.
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        The request could not be completed. Nothing was changed. Try again in a moment.
      </p>
      <button type="button" onClick={reset} className="btn-secondary">
        Try again
      </button>
    </div>
  );
}
