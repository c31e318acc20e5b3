import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useRealtimeEvent } from "../../../lib/use-realtime";
import { contactsKey } from "../contacts-api";
import { ProgressBar } from "../progress-bar";
import {
  type ContactImport,
  errorReportUrl,
  type ImportProgressEvent,
  importQuery,
  importsKey,
  isFinished,
} from "./imports-api";

/**
 * Applies `crm.import.progress` events to the import's cached answer, so the bar moves as the job
 * commits; when the job ends, the lists that show its contacts are refreshed.
 */
export function useImportProgress(id: string) {
  const queryClient = useQueryClient();
  useRealtimeEvent<ImportProgressEvent>("crm.import.progress", (event) => {
    if (event.importId !== id) return;
    const key = importQuery(id).queryKey;
    queryClient.setQueryData<ContactImport>(key, (current) =>
      current && !isFinished(current.status)
        ? {
            ...current,
            status: event.status,
            counts: {
              processed: event.processed,
              created: event.created,
              updated: event.updated,
              skipped: event.skipped,
              failed: event.failed,
            },
          }
        : current,
    );
    if (isFinished(event.status)) {
      void queryClient.invalidateQueries({ queryKey: importsKey });
      void queryClient.invalidateQueries({ queryKey: contactsKey });
    }
  });
  // A reconnected socket may have missed events: read the import again.
  useRealtimeEvent("realtime.ready", () => {
    void queryClient.invalidateQueries({ queryKey: importQuery(id).queryKey });
  });
}

/** Step 3: the job's progress, then its summary with the error report and a way back to the contacts. */
export function ImportRun({ run }: { run: ContactImport }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const { counts } = run;
  const finished = isFinished(run.status);

  if (!finished) {
    return (
      <section aria-labelledby="import-run-title" className="flex flex-col gap-4">
        <h2 id="import-run-title" className="text-lg font-semibold tracking-tight">
          {t("contacts.import.run.title", { name: run.fileName })}
        </h2>
        <div className="rounded-xl border border-neutral-200 bg-white p-5">
          <ProgressBar
            label={t("contacts.import.run.progress")}
            done={counts.processed}
            total={run.rowCount}
            valueText={t("contacts.import.run.rows", {
              processed: format(counts.processed),
              total: format(run.rowCount),
            })}
          />
          <p className="mt-3 text-sm text-neutral-600">
            {run.status === "queued" ? t("contacts.import.run.queued") : t("contacts.import.run.running")}
          </p>
        </div>
      </section>
    );
  }

  const figures = [
    ["created", counts.created],
    ["updated", counts.updated],
    ["skipped", counts.skipped],
    ["failed", counts.failed],
  ] as const;
  return (
    <section aria-labelledby="import-run-title" className="flex flex-col gap-4">
      <h2 id="import-run-title" className="text-lg font-semibold tracking-tight">
        {run.status === "completed"
          ? t("contacts.import.summary.done")
          : t("contacts.import.summary.failedJob")}
      </h2>
      <div className="rounded-xl border border-neutral-200 bg-white p-5" data-testid="import-summary">
        <ProgressBar
          label={t("contacts.import.run.progress")}
          done={counts.processed}
          total={run.rowCount}
          valueText={t("contacts.import.run.rows", {
            processed: format(counts.processed),
            total: format(run.rowCount),
          })}
        />
        {run.failure ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {run.failure}
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map(([key, value]) => (
            <div
              key={key}
              data-fails={(key === "failed" && value > 0) || undefined}
              className="rounded-lg bg-neutral-50 px-3 py-2 data-fails:bg-red-50"
            >
              <dt className="text-xs text-neutral-600">{t(`contacts.import.summary.${key}`)}</dt>
              <dd className="text-xl font-semibold tabular-nums">{format(value)}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Link
            to="/contacts"
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
          >
            {t("contacts.import.summary.viewContacts")}
          </Link>
          {counts.failed > 0 ? (
            <a
              href={errorReportUrl(run.id)}
              download
              className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
            >
              {t("contacts.import.summary.errorReport", { count: counts.failed })}
            </a>
          ) : null}
          <Link
            to="/contacts/import"
            className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.import.summary.another")}
          </Link>
        </div>
      </div>
    </section>
  );
}
