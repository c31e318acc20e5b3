import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Problem, problemOf } from "../../../lib/problem";
import { customFieldsQuery } from "../contacts-api";
import { DryRunResult } from "./dry-run-result";
import { importTargetGroups, isSingleTarget, type TargetGroup, targetLabel } from "./import-targets";
import {
  type ContactImport,
  dryRunImport,
  type ImportMapping,
  type ImportMode,
  startImport,
} from "./imports-api";

const previewRows = 5;
const examplesPerColumn = 3;

/** The server names a refused column as `body.mapping.<column>`; anything else about the mapping is general. */
function mappingErrorsOf(problem: Problem | undefined) {
  const byColumn = new Map<string, string>();
  const general: string[] = [];
  for (const entry of problem?.errors ?? []) {
    if (entry.field.startsWith("body.mapping.")) {
      const column = entry.field.slice("body.mapping.".length);
      if (!byColumn.has(column)) byColumn.set(column, entry.message);
    } else general.push(entry.message);
  }
  return { byColumn, general };
}

/** Step 2: each column to a field, prefilled with the server's guess; a dry run counts, a start imports. */
export function MappingStep({
  upload,
  onStarted,
}: {
  upload: ContactImport;
  onStarted: (started: ContactImport) => void;
}) {
  const { t } = useTranslation();
  const customFields = useQuery(customFieldsQuery);
  const groups = importTargetGroups(t, customFields.data ?? []);
  const titleId = useId();
  const modeName = useId();
  const [mapping, setMapping] = useState<ImportMapping>(() => ({
    ...Object.fromEntries(upload.columns.map((column) => [column, "ignore"])),
    ...upload.suggestedMapping,
    ...upload.mapping,
  }));
  const [mode, setMode] = useState<ImportMode>(upload.mode ?? "upsert");
  const checking = useMutation({ mutationFn: dryRunImport });
  const starting = useMutation({ mutationFn: startImport, onSuccess: onStarted });
  const problem = problemOf(starting.error ?? checking.error);
  const errors = mappingErrorsOf(problem);
  const busy = checking.isPending || starting.isPending;

  // A count made for another mapping would mislead: any change asks for a new dry run.
  function change(next: { mapping?: ImportMapping; mode?: ImportMode }) {
    checking.reset();
    starting.reset();
    if (next.mapping) setMapping(next.mapping);
    if (next.mode) setMode(next.mode);
  }

  const usedBy = new Map<string, string>();
  for (const column of upload.columns) {
    const target = mapping[column] ?? "ignore";
    if (isSingleTarget(target) && !usedBy.has(target)) usedBy.set(target, column);
  }
  const ignoreLabel = t("contacts.import.targets.ignore");
  const rows = upload.preview.slice(0, previewRows);

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-5">
      <div>
        <h2 id={titleId} className="text-lg font-semibold tracking-tight">
          {t("contacts.import.mapping.title")}
        </h2>
        <p className="mt-1 text-sm text-neutral-600">
          {t("contacts.import.mapping.intro", {
            name: upload.fileName,
            count: upload.rowCount,
            formatted: upload.rowCount.toLocaleString(),
          })}
        </p>
      </div>

      <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("contacts.import.mapping.caption")}</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-start text-xs font-medium uppercase tracking-wide text-neutral-600">
            <tr>
              <th scope="col" className="px-4 py-2 text-start">
                {t("contacts.import.mapping.column")}
              </th>
              <th scope="col" className="px-4 py-2 text-start">
                {t("contacts.import.mapping.examples")}
              </th>
              <th scope="col" className="px-4 py-2 text-start">
                {t("contacts.import.mapping.target")}
              </th>
            </tr>
          </thead>
          <tbody>
            {upload.columns.map((column, index) => (
              <MappingRow
                key={column}
                column={column}
                examples={upload.preview
                  .map((row) => row[index] ?? "")
                  .filter((value) => value.trim() !== "")
                  .slice(0, examplesPerColumn)}
                value={mapping[column] ?? "ignore"}
                groups={groups}
                takenBy={(target) => {
                  const owner = usedBy.get(target);
                  return owner !== undefined && owner !== column ? owner : undefined;
                }}
                error={errors.byColumn.get(column)}
                disabled={busy}
                onChange={(target) => change({ mapping: { ...mapping, [column]: target } })}
              />
            ))}
          </tbody>
        </table>
      </div>

      <div>
        <h3 className="text-sm font-semibold">{t("contacts.import.mapping.preview")}</h3>
        <div className="mt-2 max-h-72 overflow-auto rounded-xl border border-neutral-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">
              {t("contacts.import.mapping.previewCaption", { count: rows.length })}
            </caption>
            <thead className="sticky top-0 border-b border-neutral-200 bg-neutral-50">
              <tr>
                {upload.columns.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-start align-top font-medium">
                    <span className="block whitespace-nowrap text-neutral-900">{column}</span>
                    <span className="block whitespace-nowrap text-xs font-normal text-neutral-500">
                      → {targetLabel(groups, mapping[column] ?? "ignore", ignoreLabel)}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                // Preview rows have no identity of their own; their order never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <tr key={rowIndex} className="border-b border-neutral-100 last:border-b-0">
                  {upload.columns.map((column, index) => (
                    <td key={column} className="px-3 py-1.5 align-top text-neutral-700">
                      <span
                        data-ignored={(mapping[column] ?? "ignore") === "ignore" || undefined}
                        className="line-clamp-2 max-w-64 whitespace-pre-line data-ignored:text-neutral-400"
                      >
                        {row[index] ?? ""}
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-semibold">{t("contacts.import.mode.label")}</legend>
        {(["upsert", "create"] as const).map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={modeName}
              value={option}
              checked={mode === option}
              disabled={busy}
              onChange={() => change({ mode: option })}
              className="focus-ring mt-0.5 size-4 accent-accent-600"
            />
            <span>
              <span className="font-medium text-neutral-900">{t(`contacts.import.mode.${option}`)}</span>
              <span className="block text-neutral-600">{t(`contacts.import.mode.${option}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div role="alert" className="empty:hidden">
        {problem && (errors.byColumn.size === 0 || errors.general.length > 0) ? (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{problem.detail}</p>
            {errors.general.length > 0 ? (
              <ul className="mt-1 list-disc ps-5">
                {errors.general.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          aria-busy={checking.isPending || undefined}
          onClick={() => checking.mutate({ id: upload.id, mapping, mode })}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
        >
          {checking.isPending ? t("contacts.import.dryRun.busy") : t("contacts.import.dryRun.run")}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-busy={starting.isPending || undefined}
          onClick={() => starting.mutate({ id: upload.id, mapping, mode })}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {starting.isPending ? t("contacts.import.start.busy") : t("contacts.import.start.run")}
        </button>
      </div>

      <div role="status" className="empty:hidden">
        {checking.data ? <DryRunResult result={checking.data} /> : null}
      </div>
    </section>
  );
}

function MappingRow({
  column,
  examples,
  value,
  groups,
  takenBy,
  error,
  disabled,
  onChange,
}: {
  column: string;
  examples: string[];
  value: string;
  groups: TargetGroup[];
  takenBy: (target: string) => string | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (target: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <tr className="border-b border-neutral-100 last:border-b-0">
      <th scope="row" className="px-4 py-2 text-start align-top font-medium text-neutral-900">
        <label htmlFor={id}>{column}</label>
      </th>
      <td className="px-4 py-2 align-top text-neutral-600">
        {examples.length > 0 ? (
          <ul className="flex flex-col">
            {examples.map((example, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: examples may repeat and never reorder.
              <li key={index} className="max-w-72 truncate">
                {example}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-neutral-400">{t("contacts.import.mapping.noExamples")}</span>
        )}
      </td>
      <td className="px-4 py-2 align-top">
        <select
          id={id}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
          className="focus-ring w-full min-w-48 rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600"
        >
          <option value="ignore">{t("contacts.import.targets.ignore")}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => {
                const owner = isSingleTarget(option.value) ? takenBy(option.value) : undefined;
                return (
                  <option key={option.value} value={option.value}>
                    {owner
                      ? t("contacts.import.mapping.taken", { label: option.label, column: owner })
                      : option.label}
                  </option>
                );
              })}
            </optgroup>
          ))}
        </select>
        {error ? (
          <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
