import { problemOf } from "../lib/problem";

/** The end of an infinite list whose next page failed: the server's reason and a retry. */
export function PageLoadFailure({
  error,
  onRetry,
  retryLabel,
}: {
  error: unknown;
  onRetry: () => void;
  retryLabel: string;
}) {
  return (
    <>
      <span role="alert">{problemOf(error)?.detail}</span>
      <button
        type="button"
        onClick={onRetry}
        className="focus-ring rounded-md border border-neutral-300 px-2 py-0.5 font-medium hover:bg-neutral-100"
      >
        {retryLabel}
      </button>
    </>
  );
}
