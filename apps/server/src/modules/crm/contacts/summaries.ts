import type { Executor } from "../../../platform/db/client.ts";
import { findContacts } from "./repo.ts";

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
