import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedApiKey } from "./api-keys-api";

type CopyState = "idle" | "copied" | "failed";

/** The secret exists only in this answer: the server keeps a hash, so this is the one chance to copy it. */
export function NewKeySecret({ created, onDismiss }: { created: CreatedApiKey; onDismiss: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copy, setCopy] = useState<CopyState>("idle");

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
      <label htmlFor={id} className="text-sm font-medium text-neutral-900">
        {t("apiKeys.secret.label", { name: created.name })}
      </label>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={created.key}
          aria-describedby={`${id}-note`}
          onFocus={(event) => event.currentTarget.select()}
          className="focus-ring flex-1 rounded-md border border-neutral-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={handleCopy}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
        >
          {t("apiKeys.secret.copy")}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("apiKeys.secret.dismiss")}
        </button>
      </div>
      <p id={`${id}-note`} className="mt-2 text-sm font-medium text-amber-900">
        {t("apiKeys.secret.note")}
      </p>
      <p role="status" className="mt-1 text-xs text-neutral-700 empty:hidden">
        {copy === "copied"
          ? t("apiKeys.secret.copied")
          : copy === "failed"
            ? t("apiKeys.secret.copyFailed")
            : ""}
      </p>
    </div>
  );
}
