import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ContactColumn } from "./contact-columns";

/** Checkboxes for every column, built-in and custom; the choice is kept in this browser. */
export function ColumnChooser({
  id,
  columns,
  chosen,
  onToggle,
  onReset,
}: {
  id: string;
  columns: ContactColumn[];
  chosen: readonly string[];
  onToggle: (columnId: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section id={id} aria-labelledby={titleId} className="rounded-xl border border-neutral-200 bg-white p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id={titleId} className="text-sm font-semibold">
          {t("contacts.columnsChooser.title")}
        </h2>
        <button
          type="button"
          onClick={onReset}
          className="focus-ring rounded-md px-2 py-1 text-sm font-medium text-accent-700 hover:bg-accent-50"
        >
          {t("contacts.columnsChooser.reset")}
        </button>
      </div>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
        {columns.map((column) => (
          <li key={column.id}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={column.id === "name" || chosen.includes(column.id)}
                disabled={column.id === "name"}
                onChange={() => onToggle(column.id)}
                className="focus-ring size-4 accent-accent-600"
              />
              <span className="truncate">{column.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
