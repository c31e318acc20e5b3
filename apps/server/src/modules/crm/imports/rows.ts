import { AppError } from "../../../platform/http/errors.ts";
import { createContactBody } from "../contacts/dto.ts";
import { normalisePhone } from "../contacts/phone.ts";
import type { CustomFieldDefinition } from "../filter/field-catalogue.ts";
import { validateCustomValues } from "../settings/custom-values.ts";
import { consentChannels, lifecycleStages } from "../tables.ts";
import { tagName } from "../tags/dto.ts";
import { compactHeader } from "./mapping.ts";

type LifecycleStage = (typeof lifecycleStages)[number];
type ConsentChannel = (typeof consentChannels)[number];

/** One CSV row as contact fields, every value checked; empty cells are absent (they never clear anything). */
export type ImportedRow = {
  name?: string;
  email?: string;
  emails: string[];
  phone?: string;
  phoneAsEntered?: string;
  phones: string[];
  company?: string;
  lifecycleStage?: LifecycleStage;
  source?: string;
  language?: string;
  timezone?: string;
  tags: string[];
  consents: { channel: ConsentChannel; status: "opted_in" | "opted_out" }[];
  customFields: Record<string, unknown>;
};

export type RowContext = {
  mapping: Map<string, number[]>;
  defaultCountry: string | null;
  customFields: Map<string, CustomFieldDefinition>;
};

export type PreparedRow = { ok: true; row: ImportedRow } | { ok: false; reason: string };

const shape = createContactBody.shape;
const truthy = new Set(
  words("yes y true 1 optedin optin subscribed oui o si ja j x granted consented accepted"),
);
const falsy = new Set(words("no n false 0 optedout optout unsubscribed non nein declined refused revoked"));
const stageWords: [LifecycleStage, string[]][] = [
  ["subscriber", words("subscriber abonne abonnee suscriptor abonnent")],
  ["lead", words("lead prospect prospecto interessent")],
  [
    "qualified",
    words(
      "qualified qualifiedlead marketingqualifiedlead salesqualifiedlead mql sql opportunity qualifie cualificado calificado qualifiziert",
    ),
  ],
  ["customer", words("customer client cliente kunde")],
  ["churned", words("churned churn lost formercustomer ancienclient perdu perdido verloren")],
];
const stages = new Map(stageWords.flatMap(([stage, list]) => list.map((word) => [word, stage] as const)));
const validZones = new Map<string, boolean>();

function words(list: string) {
  return list.split(" ");
}

/** Yes/no words in the languages we guess headers in; undefined when the value is neither. */
export function readYesNo(value: string): boolean | undefined {
  const compact = compactHeader(value);
  if (truthy.has(compact)) return true;
  if (falsy.has(compact)) return false;
  return undefined;
}

function splitList(value: string, separators: RegExp): string[] {
  return value
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

function isTimeZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    validZones.set(zone, valid);
  }
  return valid;
}

const phoneProblem = "not a valid phone number";
const noColumns: number[] = [];

/** A custom field value from its cell, converted to the field's type (a wrong one is caught by `validateCustomValues`). */
function coerceCustomValue(definition: CustomFieldDefinition, cell: string): unknown {
  const byOption = (item: string) =>
    definition.options.find((option) => option.toLowerCase() === item.toLowerCase()) ?? item;
  switch (definition.type) {
    case "number": {
      const text = cell.replaceAll(/[\s\u00a0]/g, "");
      return /^[-+]?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : cell;
    }
    case "boolean":
      return readYesNo(cell) ?? cell;
    case "select":
      return byOption(cell);
    case "multi_select":
      return splitList(cell, /;/).map(byOption);
    default:
      return cell;
  }
}

/**
 * Reads one CSV record through the mapping: phones to E.164 with the organisation's default
 * country, emails lower-cased and checked, custom values converted to their field's type. A row
 * with any bad value fails whole, with every problem named ("phone: not a valid phone number").
 */
export function prepareRow(record: readonly string[], context: RowContext): PreparedRow {
  const problems: string[] = [];
  const cells = (target: string) =>
    (context.mapping.get(target) ?? []).map((index) => (record[index] ?? "").trim()).filter(Boolean);
  // Most targets are unmapped or one column: no arrays for them, as this runs for every cell of 100,000 rows.
  const cell = (target: string) => {
    for (const index of context.mapping.get(target) ?? noColumns) {
      const value = record[index]?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const row: ImportedRow = { emails: [], phones: [], tags: [], consents: [], customFields: {} };

  const fullName = cell("name") ?? [cell("firstName"), cell("lastName")].filter(Boolean).join(" ");
  if (fullName) {
    const name = shape.name.safeParse(fullName);
    if (name.success) row.name = name.data;
    else problems.push("name: longer than 200 characters");
  }

  const email = cell("email");
  if (email !== undefined) {
    const parsed = shape.email.safeParse(email);
    if (parsed.success && parsed.data) row.email = parsed.data;
    else problems.push("email: not a valid email address");
  }
  for (const item of cells("emails").flatMap((value) => splitList(value, /[;,]/))) {
    const parsed = shape.email.safeParse(item);
    if (parsed.success && parsed.data) row.emails.push(parsed.data);
    else problems.push(`emails: not a valid email address: ${item}`);
  }

  const phone = cell("phone");
  if (phone !== undefined) {
    const e164 = normalisePhone(phone, context.defaultCountry);
    if (e164) {
      row.phone = e164;
      row.phoneAsEntered = phone;
    } else problems.push(`phone: ${phoneProblem}`);
  }
  for (const item of cells("phones").flatMap((value) => splitList(value, /[;,]/))) {
    const e164 = normalisePhone(item, context.defaultCountry);
    if (e164) row.phones.push(e164);
    else problems.push(`phones: ${phoneProblem}: ${item}`);
  }

  const company = cell("company");
  if (company !== undefined) {
    if (company.length <= 200) row.company = company;
    else problems.push("company: longer than 200 characters");
  }
  const stage = cell("lifecycleStage");
  if (stage !== undefined) {
    row.lifecycleStage = stages.get(compactHeader(stage));
    if (!row.lifecycleStage) problems.push(`lifecycleStage: expected one of ${lifecycleStages.join(", ")}`);
  }
  const source = cell("source");
  if (source !== undefined) {
    const parsed = shape.source.safeParse(source);
    if (parsed.success && parsed.data) row.source = parsed.data;
    else problems.push("source: longer than 100 characters");
  }
  const language = cell("language");
  if (language !== undefined) {
    // "EN" and "pt_BR" are meant as en and pt-BR.
    const tag = language.replaceAll("_", "-").replace(/^[A-Za-z]{2,3}/, (primary) => primary.toLowerCase());
    const parsed = shape.language.safeParse(tag);
    if (parsed.success && parsed.data) row.language = parsed.data;
    else problems.push("language: not a language tag such as en or pt-BR");
  }
  const timezone = cell("timezone");
  if (timezone !== undefined) {
    if (timezone.length <= 64 && isTimeZone(timezone)) row.timezone = timezone;
    else problems.push("timezone: not a time zone such as Europe/Paris");
  }

  for (const name of cells("tags").flatMap((value) => splitList(value, /[;,]/))) {
    if (tagName.safeParse(name).success) {
      if (!row.tags.some((tag) => tag.toLowerCase() === name.toLowerCase())) row.tags.push(name);
    } else problems.push("tags: tag names have 1 to 50 characters");
  }
  for (const channel of consentChannels) {
    const value = cell(`consent.${channel}`);
    if (value === undefined) continue;
    const given = readYesNo(value);
    if (given === undefined) problems.push(`consent.${channel}: expected yes or no`);
    else row.consents.push({ channel, status: given ? "opted_in" : "opted_out" });
  }

  const customValues: Record<string, unknown> = {};
  for (const [key, definition] of context.customFields) {
    const value = cell(`custom.${key}`);
    if (value !== undefined) customValues[key] = coerceCustomValue(definition, value);
  }
  if (Object.keys(customValues).length > 0) {
    try {
      row.customFields = validateCustomValues([...context.customFields.values()], customValues, "custom");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const problem of error.extras.errors ?? []) problems.push(`${problem.field}: ${problem.message}`);
    }
  }

  if (!row.name && !row.email && !row.phone && problems.length === 0) {
    problems.push("the row has no name, email or phone");
  }
  if (problems.length > 0) return { ok: false, reason: [...new Set(problems)].join("; ") };
  return { ok: true, row };
}

/** The keys an import matches existing contacts by, most telling first: phones, then emails. */
export function identityKeysOf(row: {
  phone?: string | null;
  phones?: string[];
  otherPhones?: string[];
  email?: string | null;
  emails?: string[];
  otherEmails?: string[];
}): string[] {
  return [
    row.phone,
    ...(row.phones ?? row.otherPhones ?? []),
    row.email,
    ...(row.emails ?? row.otherEmails ?? []),
  ].filter((key): key is string => Boolean(key));
}
