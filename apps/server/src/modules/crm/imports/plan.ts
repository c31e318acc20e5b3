import type { ContactRow } from "../contacts/repo.ts";
import { mergeCustomValues } from "../settings/custom-values.ts";
import type { lifecycleStages } from "../tables.ts";
import { type ImportedRow, identityKeysOf, type PreparedRow } from "./rows.ts";

export type ImportMode = "create" | "upsert";
export type RowOutcome = "created" | "updated" | "skipped" | "failed";

/** A contact's fields as the import leaves them. */
export type ContactDraft = {
  name: string | null;
  email: string | null;
  phone: string | null;
  phoneAsEntered: string | null;
  otherEmails: string[];
  otherPhones: string[];
  companyId: string | null;
  lifecycleStage: (typeof lifecycleStages)[number] | null;
  source: string | null;
  language: string | null;
  timezone: string | null;
  customFields: Record<string, unknown>;
};

/** One contact to create (no `existing`) or update, with what the rows that name it add. */
export type PlannedContact = {
  existing?: ContactRow;
  draft: ContactDraft;
  /** The company the last row naming one gave; resolved to an id (found or created) when written. */
  companyName?: string;
  tags: string[];
  consents: Map<ImportedRow["consents"][number]["channel"], ImportedRow["consents"][number]["status"]>;
};

export type PlannedRow = { rowNumber: number; record: string[]; prepared: PreparedRow };
export type PlannedOutcome = { rowNumber: number; record: string[]; outcome: RowOutcome; reason?: string };

export type BatchPlan = { contacts: PlannedContact[]; outcomes: PlannedOutcome[] };

const emptyDraft = (): ContactDraft => ({
  name: null,
  email: null,
  phone: null,
  phoneAsEntered: null,
  otherEmails: [],
  otherPhones: [],
  companyId: null,
  lifecycleStage: null,
  source: null,
  language: null,
  timezone: null,
  customFields: {},
});

const draftOf = (row: ContactRow): ContactDraft => ({
  name: row.name,
  email: row.email,
  phone: row.phone,
  phoneAsEntered: row.phoneAsEntered,
  otherEmails: [...row.otherEmails],
  otherPhones: [...row.otherPhones],
  companyId: row.companyId,
  lifecycleStage: row.lifecycleStage,
  source: row.source,
  language: row.language,
  timezone: row.timezone,
  customFields: { ...row.customFields },
});

function addUnique(list: string[], value: string) {
  if (!list.includes(value)) list.push(value);
}

/**
 * Applies a row to a contact: the values it has replace the contact's, empty cells change nothing,
 * and a primary email or phone is never replaced: a new one joins the further ones (as the upsert
 * route does), so the contact stays reachable where it was.
 */
function mergeRow(planned: PlannedContact, row: ImportedRow) {
  const draft = planned.draft;
  if (row.name) draft.name = row.name;
  for (const email of [row.email, ...row.emails]) {
    if (!email || email === draft.email) continue;
    if (draft.email === null) draft.email = email;
    else addUnique(draft.otherEmails, email);
  }
  if (row.phone && row.phone !== draft.phone) {
    if (draft.phone === null) {
      draft.phone = row.phone;
      draft.phoneAsEntered = row.phoneAsEntered ?? row.phone;
    } else addUnique(draft.otherPhones, row.phone);
  }
  for (const phone of row.phones) if (phone !== draft.phone) addUnique(draft.otherPhones, phone);
  draft.otherEmails = draft.otherEmails.filter((email) => email !== draft.email);
  draft.otherPhones = draft.otherPhones.filter((phone) => phone !== draft.phone);
  if (row.company) planned.companyName = row.company;
  if (row.lifecycleStage) draft.lifecycleStage = row.lifecycleStage;
  if (row.source) draft.source = row.source;
  if (row.language) draft.language = row.language;
  if (row.timezone) draft.timezone = row.timezone;
  draft.customFields = mergeCustomValues(draft.customFields, row.customFields);
  for (const tag of row.tags) {
    if (!planned.tags.some((known) => known.toLowerCase() === tag.toLowerCase())) planned.tags.push(tag);
  }
  for (const consent of row.consents) planned.consents.set(consent.channel, consent.status);
}

/**
 * Decides what each row of a batch does, without touching the database: `existing` are the
 * contacts already sharing a phone or email with the batch (a phone match wins over an email
 * match), `earlier` the keys of contacts an earlier batch of a dry run would have created. In
 * upsert mode a match is updated; in create mode it is skipped. A later row of the file with the
 * same phone or email updates (or skips) the contact of the earlier row.
 */
export function planBatch(
  rows: PlannedRow[],
  existing: ContactRow[],
  mode: ImportMode,
  earlier?: ReadonlySet<string>,
): BatchPlan {
  const existingByKey = new Map<string, ContactRow>();
  for (const contact of [...existing].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const key of identityKeysOf(contact)) if (!existingByKey.has(key)) existingByKey.set(key, contact);
  }
  const plannedByKey = new Map<string, PlannedContact>();
  const plannedById = new Map<string, PlannedContact>();
  const contacts: PlannedContact[] = [];
  const outcomes: PlannedOutcome[] = [];

  for (const { rowNumber, record, prepared } of rows) {
    if (!prepared.ok) {
      outcomes.push({ rowNumber, record, outcome: "failed", reason: prepared.reason });
      continue;
    }
    const row = prepared.row;
    let match: PlannedContact | ContactRow | "earlier" | undefined;
    for (const key of identityKeysOf(row)) {
      const contact = existingByKey.get(key);
      match =
        plannedByKey.get(key) ??
        (contact && plannedById.get(contact.id)) ??
        contact ??
        (earlier?.has(key) ? "earlier" : undefined);
      if (match) break;
    }
    if (match && mode === "create") {
      outcomes.push({ rowNumber, record, outcome: "skipped", reason: "already exists" });
      continue;
    }
    outcomes.push({ rowNumber, record, outcome: match ? "updated" : "created" });
    if (match === "earlier") continue;
    let planned: PlannedContact;
    if (match && "draft" in match) planned = match;
    else {
      planned = match
        ? { existing: match, draft: draftOf(match), tags: [], consents: new Map() }
        : { draft: emptyDraft(), tags: [], consents: new Map() };
      if (match) plannedById.set(match.id, planned);
      contacts.push(planned);
    }
    mergeRow(planned, row);
    for (const key of identityKeysOf(planned.draft))
      if (!plannedByKey.has(key)) plannedByKey.set(key, planned);
  }
  return { contacts, outcomes };
}

/** What a new contact is called when the file gives no name: its email, else its phone as written. */
export function nameOf(draft: ContactDraft): string {
  return draft.name ?? draft.email ?? draft.phoneAsEntered ?? draft.phone ?? "";
}
