import { useTranslation } from "react-i18next";
import type { DryRun } from "./imports-api";

const shownErrors = 10;

/** What the import would do with this mapping, and the first rows it would refuse with their reasons. */
export function DryRunResult({ result }: { result: DryRun }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const figures = [
    ["create", result.wouldCreate],
    ["update", result.wouldUpdate],
    ["skip", result.wouldSkip],
    ["fail", result.wouldFail],
  ] as const;
  return (
    <div data-testid="dry-run-result" className="rounded-xl border border-neutral-200 bg-white p-4">
      <h3 className="text-sm font-semibold">
        {t("contacts.import.dryRun.title", { count: result.rows, formatted: format(result.rows) })}
      </h3>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([key, value]) => (
          <div
            key={key}
            data-fails={(key === "fail" && value > 0) || undefined}
            className="rounded-lg bg-neutral-50 px-3 py-2 data-fails:bg-red-50"
          >
            <dt className="text-xs text-neutral-600">{t(`contacts.import.dryRun.${key}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">{format(value)}</dd>
          </div>
        ))}
      </dl>
      {result.errors.length > 0 ? (
        <div className="mt-3">
          <h4 className="text-sm font-medium">{t("contacts.import.dryRun.errors")}</h4>
          <ul aria-label={t("contacts.import.dryRun.errors")} className="mt-1 flex flex-col gap-1 text-sm">
            {result.errors.slice(0, shownErrors).map((error) => (
              <li key={error.rowNumber} className="text-red-800">
                <span className="font-medium">
                  {t("contacts.import.dryRun.row", { number: error.rowNumber })}
                </span>{" "}
                {error.reason}
              </li>
            ))}
          </ul>
          {result.wouldFail > shownErrors ? (
            <p className="mt-1 text-xs text-neutral-600">
              {t("contacts.import.dryRun.more", { count: result.wouldFail - shownErrors })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
