import { useTranslation } from "react-i18next";
import { ModalDialog } from "../contacts/modal-dialog";

const shortcuts = ["j", "k", "r", "e", "a", "?"] as const;

/** The inbox's keys, opened with `?`; they work whenever the cursor is not in a text field. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} title={t("inbox.shortcuts.title")} onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        {shortcuts.map((key) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-neutral-300 bg-neutral-50 px-2 py-0.5 font-mono text-xs">
                {key}
              </kbd>
            </dt>
            <dd>{t(`inbox.shortcuts.keys.${key === "?" ? "help" : key}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-neutral-500">{t("inbox.shortcuts.hint")}</p>
    </ModalDialog>
  );
}
