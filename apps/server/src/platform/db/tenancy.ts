import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db, Tx } from "./client.ts";

/** The non-owner role every tenant transaction runs as, so row-level security always applies. */
export const appRole = "sbos_app";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Runs `work` in a transaction scoped to one tenant: `SET LOCAL ROLE` to the application role and
 * `SET LOCAL app.tenant_id`, both undone at commit, so nothing leaks through a pooled connection.
 */
export async function withTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!uuidPattern.test(tenantId)) throw new Error(`Not a tenant id: ${JSON.stringify(tenantId)}`);
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return withTenantOnPool(client, tenantId, work);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${appRole}, true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return work(tx);
  });
}

/**
 * On PostgreSQL the hot path saves a round trip: BEGIN and the tenant settings travel as one
 * simple-protocol message (the id is a validated UUID, so it is safe inline), then drizzle runs
 * `work` on that connection as a transaction (nested transactions become savepoints).
 */
async function withTenantOnPool<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A connection that failed to begin or to roll back is discarded, not returned to the pool.
  let unusable: Error | undefined;
  try {
    await client
      .query(
        `begin; select set_config('role', '${appRole}', true), set_config('app.tenant_id', '${tenantId}', true)`,
      )
      .catch((error: Error) => {
        unusable = error;
        throw error;
      });
    const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined), undefined);
    try {
      const result = await work(tx as unknown as Tx);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(unusable);
  }
}
