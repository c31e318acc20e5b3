/** A problem shown beside what caused it; the live region stays mounted so the message is announced. */
export function InlineAlert({ message }: { message: string | undefined }) {
  return (
    <div role="alert" className="empty:hidden">
      {message ? <p className="mt-1 text-xs font-medium text-red-700">{message}</p> : null}
    </div>
  );
}
