import type { TFunction } from "i18next";
import type { CustomField } from "./contacts-api";

/** A date-only value (YYYY-MM-DD) in the reader's language, read in UTC so no time zone shifts the day. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A custom field's stored value as a person reads it; `undefined` when there is none. */
export function formatCustomValue(
  field: CustomField,
  value: unknown,
  language: string,
  t: TFunction,
): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  switch (field.type) {
    case "number":
      return typeof value === "number" ? new Intl.NumberFormat(language).format(value) : String(value);
    case "date":
      return typeof value === "string" ? formatDay(value, language) : String(value);
    case "boolean":
      return value === true ? t("contacts.yes") : t("contacts.no");
    case "multi_select":
      return Array.isArray(value) && value.length > 0 ? value.join(", ") : undefined;
    default:
      return String(value);
  }
}

/** Up to two letters for an avatar, taken from the first and last words of a name in any script. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] : "";
  const last = words.length > 1 ? Array.from(words.at(-1) ?? "")[0] : "";
  return `${first ?? ""}${last ?? ""}`.toUpperCase();
}
