import { useTranslation } from "react-i18next";
import { formatDateTime } from "../members/format-date";

/**
 * In place of the reply box once the 24-hour window has closed: WhatsApp then only delivers an
 * approved template, chosen from here.
 */
export function WindowClosedNotice({
  expiresAt,
  onChooseTemplate,
}: {
  expiresAt: string | null;
  onChooseTemplate: () => void;
}) {
  const { t, i18n } = useTranslation();
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
      <button
        type="button"
        onClick={onChooseTemplate}
        className="focus-ring mt-2 rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
      >
        {t("inbox.windowClosed.chooseTemplate")}
      </button>
    </div>
  );
}
