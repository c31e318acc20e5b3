import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactListParams } from "./contacts-api";
import { type ExportFormat, exportUrl } from "./export-url";

/** "Export" opens two download links; Escape or a click elsewhere closes them. */
export function ExportMenu({
  params,
  columnIds,
  className,
}: {
  params: Pick<ContactListParams, "q" | "filter" | "segment">;
  columnIds: readonly string[];
  className: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const formats: { format: ExportFormat; label: string }[] = [
    { format: "csv", label: t("contacts.export.csv") },
    { format: "xlsx", label: t("contacts.export.xlsx") },
  ];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere inside the menu closes it.
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={className}
      >
        {t("contacts.export.open")}
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </button>
      <ul
        id={panelId}
        hidden={!open}
        aria-label={t("contacts.export.title")}
        className="absolute end-0 top-full z-20 mt-1 min-w-56 rounded-lg border border-neutral-200 bg-white p-1 shadow-lg"
      >
        {formats.map(({ format, label }) => (
          <li key={format}>
            <a
              href={exportUrl(params, format, columnIds)}
              download
              onClick={() => setOpen(false)}
              className="focus-ring block rounded-md px-3 py-2 text-sm text-neutral-800 hover:bg-neutral-100"
            >
              {label}
            </a>
          </li>
        ))}
        <li className="px-3 pt-1 pb-2 text-xs text-neutral-500">{t("contacts.export.hint")}</li>
      </ul>
    </div>
  );
}
