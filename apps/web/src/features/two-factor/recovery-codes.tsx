import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

type CopyState = "idle" | "copied" | "failed";

/** The server keeps only hashes of these codes, so this is the one time they can be read. */
export function RecoveryCodes({ codes, onDismiss }: { codes: string[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copy, setCopy] = useState<CopyState>("idle");

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-neutral-900">
        {t("twoFactor.recovery.title")}
      </h3>
      <p className="mt-1 text-sm font-medium text-amber-900">{t("twoFactor.recovery.note")}</p>
      <ul
        aria-labelledby={`${id}-title`}
        className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm sm:w-fit"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <button
          type="button"
          onClick={handleCopy}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
        >
          {t("twoFactor.recovery.copy")}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("twoFactor.recovery.dismiss")}
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-neutral-700 empty:hidden">
        {copy === "copied"
          ? t("twoFactor.recovery.copied")
          : copy === "failed"
            ? t("twoFactor.recovery.copyFailed")
            : ""}
      </p>
    </div>
  );
}
