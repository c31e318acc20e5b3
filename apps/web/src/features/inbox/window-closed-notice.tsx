import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../members/format-date";

/**
 * In place of the reply box once the 24-hour window has closed: WhatsApp then only delivers an
 * approved template, which is chosen here once templates can be sent from the inbox.
 */
export function WindowClosedNotice({ expiresAt }: { expiresAt: string | null }) {
  const { t, i18n } = useTranslation();
  const reasonId = useId();
  return (
    <div
      data-testid="window-closed"
      className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-semibold">
        {expiresAt
          ? t("inbox.windowClosed.title", { time: formatDateTime(expiresAt, i18n.language) })
          : t("inbox.windowClosed.neverWrote")}
      </p>
      <p className="mt-1">{t("inbox.windowClosed.explanation")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled
          aria-describedby={reasonId}
          className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white opacity-50"
        >
          {t("inbox.windowClosed.chooseTemplate")}
        </button>
        <span id={reasonId} className="text-xs text-amber-900">
          {t("inbox.windowClosed.templatesUnavailable")}
        </span>
      </div>
    </div>
  );
}
