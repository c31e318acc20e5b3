import { useTranslation } from "react-i18next";
import type { Option, ValueShape } from "./filter-fields";

const inputClass =
  "focus-ring w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600";

type ValueInputProps = {
  shape: ValueShape;
  options: readonly Option[];
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  errorId: string | undefined;
};

/** The value of one condition, in the input its field's type calls for. */
export function ValueInput({ shape, options, value, onChange, label, errorId }: ValueInputProps) {
  const { t } = useTranslation();
  const described = { "aria-describedby": errorId, "aria-invalid": errorId ? true : undefined };
  switch (shape) {
    case "none":
      return null;
    case "text":
      return (
        <input
          type="text"
          aria-label={label}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
          {...described}
        />
      );
    case "number":
      return (
        <input
          type="number"
          step="any"
          aria-label={label}
          value={typeof value === "number" ? value : ""}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.valueAsNumber)}
          className={inputClass}
          {...described}
        />
      );
    case "date":
      return (
        <input
          type="date"
          aria-label={label}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={inputClass}
          {...described}
        />
      );
    case "boolean":
      return (
        <select
          aria-label={label}
          value={value === true ? "true" : value === false ? "false" : ""}
          onChange={(event) =>
            onChange(event.target.value === "" ? undefined : event.target.value === "true")
          }
          className={inputClass}
          {...described}
        >
          <option value="">{t("contacts.filter.choose")}</option>
          <option value="true">{t("contacts.yes")}</option>
          <option value="false">{t("contacts.no")}</option>
        </select>
      );
    case "option":
      return (
        <select
          aria-label={label}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={inputClass}
          {...described}
        >
          <option value="">{t("contacts.filter.choose")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case "options": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset
          className="max-h-36 overflow-y-auto rounded-md border border-neutral-300 bg-white px-2 py-1.5"
          {...described}
        >
          <legend className="sr-only">{label}</legend>
          {options.length === 0 ? (
            <p className="text-sm text-neutral-500">{t("contacts.filter.noOptions")}</p>
          ) : (
            options.map((option) => (
              <label key={option.value} className="flex items-center gap-2 py-0.5 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.value)}
                  onChange={(event) => {
                    const next = event.target.checked
                      ? [...chosen, option.value]
                      : chosen.filter((item) => item !== option.value);
                    onChange(next.length > 0 ? next : undefined);
                  }}
                  className="focus-ring size-4 accent-accent-600"
                />
                {option.label}
              </label>
            ))
          )}
        </fieldset>
      );
    }
  }
}
