import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/problem";
import type { ContactFilter } from "../contacts-api";
import { ConditionRow } from "./condition-row";
import {
  type ConditionErrors,
  conditionErrorsOf,
  type DraftCondition,
  type DraftFilter,
  type DraftGroup,
  fromDraft,
  isDraftGroup,
  newKey,
  toDraft,
} from "./filter-draft";
import { type FilterField, operatorsByType } from "./filter-fields";

const buttonClass =
  "focus-ring rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100";

type FilterBuilderProps = {
  id: string;
  applied: ContactFilter | undefined;
  fields: FilterField[];
  /** The list's failure, whose errors may name a condition of the applied filter. */
  problem: Problem | undefined;
  onApply: (filter: ContactFilter | undefined) => void;
};

/**
 * Conditions combined with all/any, with one level of groups for mixed logic. Applying puts the filter in
 * the URL; a 400 from the server shows beside the condition it names until that draft is edited.
 */
export function FilterBuilder({ id, applied, fields, problem, onApply }: FilterBuilderProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [draft, setDraft] = useState<DraftFilter>(() => toDraft(applied));
  const [dirty, setDirty] = useState(false);
  const errors = dirty
    ? { byPath: new Map<string, ConditionErrors>(), general: undefined }
    : conditionErrorsOf(problem);

  function change(next: DraftFilter) {
    setDraft(next);
    setDirty(true);
  }

  function blankCondition(): DraftCondition {
    const field = fields[0];
    return {
      key: newKey(),
      field: field?.id ?? "name",
      operator: operatorsByType[field?.type ?? "text"][0] ?? "contains",
      value: undefined,
    };
  }

  function replaceAt(index: number, entry: DraftCondition | DraftGroup | undefined) {
    const conditions = [...draft.conditions];
    if (entry) conditions[index] = entry;
    else conditions.splice(index, 1);
    change({ ...draft, conditions });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const filter = fromDraft(draft);
    // Re-read from what is sent, so the paths of the server's errors match the rows on screen.
    setDraft(toDraft(filter));
    setDirty(false);
    onApply(filter);
  }

  function handleClear() {
    setDraft({ match: "all", conditions: [] });
    setDirty(false);
    onApply(undefined);
  }

  return (
    <form
      id={id}
      onSubmit={handleSubmit}
      aria-labelledby={titleId}
      className="rounded-xl border border-neutral-200 bg-white p-4"
    >
      <h2 id={titleId} className="text-sm font-semibold">
        {t("contacts.filter.title")}
      </h2>
      {errors.general ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {errors.general}
        </p>
      ) : null}
      {draft.conditions.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-600">{t("contacts.filter.none")}</p>
      ) : (
        <>
          <MatchSelect
            value={draft.match}
            label={t("contacts.filter.match")}
            onChange={(match) => change({ ...draft, match })}
          />
          <ol className="mt-3 flex flex-col gap-3">
            {draft.conditions.map((entry, index) => (
              <li key={entry.key}>
                {isDraftGroup(entry) ? (
                  <GroupBlock
                    group={entry}
                    number={index + 1}
                    fields={fields}
                    errorsAt={(inner) => errors.byPath.get(`${index}.${inner}`)}
                    onChange={(group) => replaceAt(index, group)}
                    onRemove={() => replaceAt(index, undefined)}
                    newCondition={blankCondition}
                  />
                ) : (
                  <ConditionRow
                    condition={entry}
                    number={`${index + 1}`}
                    fields={fields}
                    errors={errors.byPath.get(`${index}`)}
                    onChange={(condition) => replaceAt(index, condition)}
                    onRemove={() => replaceAt(index, undefined)}
                  />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() => change({ ...draft, conditions: [...draft.conditions, blankCondition()] })}
        >
          {t("contacts.filter.addCondition")}
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() =>
            change({
              ...draft,
              conditions: [
                ...draft.conditions,
                { key: newKey(), match: "any", conditions: [blankCondition()] },
              ],
            })
          }
        >
          {t("contacts.filter.addGroup")}
        </button>
        <span className="flex-1" />
        {applied || draft.conditions.length > 0 ? (
          <button type="button" className={buttonClass} onClick={handleClear}>
            {t("contacts.filter.clear")}
          </button>
        ) : null}
        <button
          type="submit"
          className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
        >
          {t("contacts.filter.apply")}
        </button>
      </div>
    </form>
  );
}

function MatchSelect({
  value,
  label,
  onChange,
}: {
  value: "all" | "any";
  label: string;
  onChange: (value: "all" | "any") => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="mt-2 flex items-center gap-2 text-sm text-neutral-700">
      {label}
      <select
        value={value}
        onChange={(event) => onChange(event.target.value as "all" | "any")}
        className="focus-ring rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm"
      >
        <option value="all">{t("contacts.filter.matchAll")}</option>
        <option value="any">{t("contacts.filter.matchAny")}</option>
      </select>
    </label>
  );
}

function GroupBlock({
  group,
  number,
  fields,
  errorsAt,
  onChange,
  onRemove,
  newCondition,
}: {
  group: DraftGroup;
  number: number;
  fields: FilterField[];
  errorsAt: (index: number) => ConditionErrors | undefined;
  onChange: (group: DraftGroup) => void;
  onRemove: () => void;
  newCondition: () => DraftCondition;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rounded-lg border border-dashed border-neutral-300 bg-neutral-50 p-3">
      <legend className="px-1 text-xs font-medium uppercase tracking-wide text-neutral-600">
        {t("contacts.filter.group", { number })}
      </legend>
      <div className="flex items-center justify-between gap-2">
        <MatchSelect
          value={group.match}
          label={t("contacts.filter.groupMatch", { number })}
          onChange={(match) => onChange({ ...group, match })}
        />
        <button type="button" className={buttonClass} onClick={onRemove}>
          {t("contacts.filter.removeGroup", { number })}
        </button>
      </div>
      <ol className="mt-3 flex flex-col gap-3">
        {group.conditions.map((condition, index) => (
          <li key={condition.key}>
            <ConditionRow
              condition={condition}
              number={`${number}.${index + 1}`}
              fields={fields}
              errors={errorsAt(index)}
              onChange={(next) =>
                onChange({ ...group, conditions: group.conditions.map((c, i) => (i === index ? next : c)) })
              }
              onRemove={() =>
                onChange({ ...group, conditions: group.conditions.filter((_, i) => i !== index) })
              }
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={`${buttonClass} mt-3`}
        onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition()] })}
      >
        {t("contacts.filter.addToGroup", { number })}
      </button>
    </fieldset>
  );
}
