import type { Executor } from "../../../platform/db/client.ts";
import type { ContactView } from "./dto.ts";
import { type ContactRow, findCompanyNames, findTagsOfContacts } from "./repo.ts";

/** What a contact's view shows beside its own columns. */
export type ContactExtras = { tags: ContactView["tags"]; companyName: string | null };

/** A contact as the API answers it. */
export function toContactView(row: ContactRow, extras: ContactExtras): ContactView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    phoneAsEntered: row.phoneAsEntered,
    emails: row.otherEmails,
    phones: row.otherPhones,
    companyId: row.companyId,
    company: row.companyId ? { id: row.companyId, name: extras.companyName ?? "" } : null,
    ownerId: row.ownerId,
    lifecycleStage: row.lifecycleStage,
    source: row.source,
    language: row.language,
    timezone: row.timezone,
    avatarUrl: row.avatarUrl,
    customFields: row.customFields,
    tags: extras.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Contacts as the API answers them, with their tags and company name (two queries for any number of rows). */
export async function presentContacts(
  executor: Executor,
  tenantId: string,
  rows: ContactRow[],
): Promise<ContactView[]> {
  // One after the other: a transaction's queries share one connection anyway.
  const tagsByContact = await findTagsOfContacts(
    executor,
    tenantId,
    rows.map((row) => row.id),
  );
  const companyNames = await findCompanyNames(
    executor,
    tenantId,
    rows.flatMap((row) => (row.companyId ? [row.companyId] : [])),
  );
  return rows.map((row) =>
    toContactView(row, {
      tags: tagsByContact.get(row.id) ?? [],
      companyName: row.companyId ? (companyNames.get(row.companyId) ?? null) : null,
    }),
  );
}

export async function presentContact(
  executor: Executor,
  tenantId: string,
  row: ContactRow,
): Promise<ContactView> {
  const [view] = await presentContacts(executor, tenantId, [row]);
  return view as ContactView;
}
