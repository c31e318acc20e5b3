import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ConditionErrors, DraftCondition } from "./filter-draft";
import { type FilterField, operatorLabel, operatorsByType, valueShapeOf } from "./filter-fields";
import { ValueInput } from "./value-input";

const selectClass =
  "focus-ring w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600";

type ConditionRowProps = {
  condition: DraftCondition;
  /** "2" or, inside a group, "3.1": names the inputs for screen readers and tests. */
  number: string;
  fields: FilterField[];
  errors: ConditionErrors | undefined;
  onChange: (condition: DraftCondition) => void;
  onRemove: () => void;
};

/** One condition: field, then the operators that field supports, then a value input of its type. */
export function ConditionRow({ condition, number, fields, errors, onChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation();
  const errorId = useId();
  // A field named by a hand-written link but unknown here still shows, so the server can say why.
  const field = fields.find((candidate) => candidate.id === condition.field) ?? {
    id: condition.field,
    label: condition.field,
    type: "text" as const,
    options: [],
  };
  const listed = fields.some((candidate) => candidate.id === field.id) ? fields : [...fields, field];
  const operators = operatorsByType[field.type];
  const shape = valueShapeOf(field.type, condition.operator);
  const messages = [errors?.field, errors?.operator, errors?.value].filter(Boolean);

  return (
    <div className="flex flex-col gap-1">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto] sm:items-start">
        <select
          aria-label={t("contacts.filter.fieldOf", { number })}
          value={field.id}
          aria-invalid={errors?.field ? true : undefined}
          aria-describedby={errors?.field ? errorId : undefined}
          onChange={(event) => {
            const next = listed.find((candidate) => candidate.id === event.target.value);
            if (!next) return;
            onChange({
              ...condition,
              field: next.id,
              operator: operatorsByType[next.type][0] ?? "eq",
              value: undefined,
            });
          }}
          className={selectClass}
        >
          {listed.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        <select
          aria-label={t("contacts.filter.operatorOf", { number })}
          value={condition.operator}
          aria-invalid={errors?.operator ? true : undefined}
          aria-describedby={errors?.operator ? errorId : undefined}
          onChange={(event) => {
            const operator = event.target.value as DraftCondition["operator"];
            const sameShape = valueShapeOf(field.type, operator) === shape;
            onChange({ ...condition, operator, value: sameShape ? condition.value : undefined });
          }}
          className={selectClass}
        >
          {(operators.includes(condition.operator) ? operators : [condition.operator, ...operators]).map(
            (operator) => (
              <option key={operator} value={operator}>
                {operatorLabel(t, field.type, operator)}
              </option>
            ),
          )}
        </select>
        <div>
          <ValueInput
            shape={shape}
            options={field.options}
            value={condition.value}
            onChange={(value) => onChange({ ...condition, value })}
            label={t("contacts.filter.valueOf", { number })}
            errorId={errors?.value ? errorId : undefined}
          />
        </div>
        <button
          type="button"
          onClick={onRemove}
          aria-label={t("contacts.filter.removeCondition", { number })}
          className="focus-ring justify-self-start rounded-md px-2 py-1.5 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {messages.length > 0 ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {messages.join(" · ")}
        </p>
      ) : null}
    </div>
  );
}
