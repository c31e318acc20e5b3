import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../../components/load-more-button";
import { problemOf } from "../../../lib/problem";
import { formatDateTime } from "../../members/format-date";
import { InlineAlert } from "../../members/inline-alert";
import { errorReportUrl, importHistoryQuery } from "./imports-api";

/** Earlier imports, newest first: each opens its own summary (or its mapping, if never started). */
export function ImportHistory({ currentId }: { currentId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const history = useInfiniteQuery(importHistoryQuery);
  const imports = history.data?.pages.flatMap((page) => page.data) ?? [];
  const format = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  return (
    <section aria-labelledby="import-history-title" className="flex flex-col gap-3">
      <h2 id="import-history-title" className="text-lg font-semibold tracking-tight">
        {t("contacts.import.history.title")}
      </h2>
      <InlineAlert message={problemOf(history.error)?.detail} />
      {history.isPending ? (
        <p className="text-sm text-neutral-600">{t("contacts.import.history.loading")}</p>
      ) : imports.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("contacts.import.history.none")}</p>
      ) : (
        <ul
          aria-labelledby="import-history-title"
          className="divide-y divide-neutral-100 rounded-xl border border-neutral-200 bg-white"
        >
          {imports.map((entry) => (
            <li
              key={entry.id}
              aria-current={entry.id === currentId ? "true" : undefined}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm aria-current:bg-accent-50/60"
            >
              <div className="min-w-0 flex-1">
                <Link
                  to="/contacts/import"
                  search={{ id: entry.id }}
                  className="focus-ring block truncate rounded font-medium text-neutral-900 hover:text-accent-700 hover:underline"
                >
                  {entry.fileName}
                </Link>
                <p className="text-xs text-neutral-600">
                  {formatDateTime(entry.createdAt, i18n.language)} ·{" "}
                  {t("contacts.import.history.rows", {
                    count: entry.rowCount,
                    formatted: format(entry.rowCount),
                  })}
                </p>
              </div>
              <span className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-medium text-neutral-700">
                {t(`contacts.import.status.${entry.status}`)}
              </span>
              {entry.status === "completed" || entry.status === "failed" ? (
                <span className="text-xs text-neutral-600">
                  {t("contacts.import.history.counts", {
                    created: format(entry.counts.created),
                    updated: format(entry.counts.updated),
                    skipped: format(entry.counts.skipped),
                    failed: format(entry.counts.failed),
                  })}
                </span>
              ) : null}
              {entry.counts.failed > 0 ? (
                <a
                  href={errorReportUrl(entry.id)}
                  download
                  aria-label={t("contacts.import.history.errorReportOf", { name: entry.fileName })}
                  className="focus-ring rounded text-xs font-medium text-accent-700 hover:underline"
                >
                  {t("contacts.import.history.errorReport")}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton
        hasMore={history.hasNextPage}
        loading={history.isFetchingNextPage}
        onLoad={() => void history.fetchNextPage()}
      />
    </section>
  );
}
