import type { Executor } from "../../../platform/db/client.ts";
import type { ContactView } from "./dto.ts";
import { type ContactRow, findCompanyNames, findTagsOfContacts } from "./repo.ts";

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
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    phoneAsEntered: row.phoneAsEntered,
    emails: row.otherEmails,
    phones: row.otherPhones,
    companyId: row.companyId,
    company: row.companyId ? { id: row.companyId, name: companyNames.get(row.companyId) ?? "" } : null,
    ownerId: row.ownerId,
    lifecycleStage: row.lifecycleStage,
    source: row.source,
    language: row.language,
    timezone: row.timezone,
    avatarUrl: row.avatarUrl,
    customFields: row.customFields,
    tags: tagsByContact.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function presentContact(
  executor: Executor,
  tenantId: string,
  row: ContactRow,
): Promise<ContactView> {
  const [view] = await presentContacts(executor, tenantId, [row]);
  return view as ContactView;
}
