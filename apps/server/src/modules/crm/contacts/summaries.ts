import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { contacts } from "../tables.ts";
import { findContacts } from "./repo.ts";

export type ContactSummary = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  avatarUrl: string | null;
};

/** Name, phone, email and avatar of contacts by id: what other modules show next to their records. */
export async function summarizeContacts(tx: Executor, tenantId: string, ids: string[]) {
  const rows = await findContacts(tx, tenantId, ids);
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, phone: row.phone, email: row.email, avatarUrl: row.avatarUrl },
    ]),
  );
}

/**
 * The same summary as a correlated subquery (a JSON object, null for no contact), for another
 * module's query whose rows carry the contact's id: its page then needs no second query.
 */
export function contactSummaryQuery(outer: { tenantId: SQL; contactId: SQL }): SQL<ContactSummary | null> {
  return sql<ContactSummary | null>`(
    select json_build_object('id', c.id, 'name', c.name, 'phone', c.phone, 'email', c.email, 'avatarUrl', c.avatar_url)
    from ${contacts} c where c.tenant_id = ${outer.tenantId} and c.id = ${outer.contactId})`;
}
