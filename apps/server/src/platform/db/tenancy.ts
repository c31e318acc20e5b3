import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client.ts";

/** The non-owner role every tenant transaction runs as, so row-level security always applies. */
export const appRole = "sbos_app";

/**
 * Runs `work` in a transaction scoped to one tenant: `SET LOCAL ROLE` to the application role and
 * `SET LOCAL app.tenant_id`, both undone at commit, so nothing leaks through a pooled connection.
 */
export async function withTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${appRole}, true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return work(tx);
  });
}
