import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";

/** The public pages' frame: a centred card under the product name, outside the app shell. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);

  return (
    <main className="grid min-h-dvh place-items-center bg-neutral-50 px-4 py-10 text-neutral-900">
      <div className="w-full max-w-sm">
        <p className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-accent-600 text-sm text-white"
          >
            S
          </span>
          {t("app.name")}
        </p>
        <section
          aria-labelledby="auth-card-title"
          className="rounded-xl border border-neutral-200 bg-white p-6 shadow-sm"
        >
          <h1 id="auth-card-title" className="mb-4 text-xl font-semibold tracking-tight">
            {title}
          </h1>
          {children}
        </section>
      </div>
    </main>
  );
}

/** The form-level problem, read out as soon as it appears. */
export function FormAlert({ message }: { message: string | undefined }) {
  return (
    <div role="alert" className="empty:hidden">
      {message ? (
        <p className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  busy,
  label,
  busyLabel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={busy}
      aria-busy={busy || undefined}
      className="focus-ring mt-2 rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60"
    >
      {busy ? busyLabel : label}
    </button>
  );
}
