import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db, Executor, Tx } from "./client.ts";

/** The non-owner role every scoped transaction runs as, so row-level security always applies. */
export const appRole = "sbos_app";

/** What row-level security may show: one tenant's rows, or one user's own rows across tenants. */
type Scope = { tenantId: string } | { userId: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Runs `work` in a transaction scoped to one tenant: `SET LOCAL ROLE` to the application role and
 * `SET LOCAL app.tenant_id`, both undone at commit, so nothing leaks through a pooled connection.
 */
export function withTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return withScope(db, { tenantId }, work, options);
}

export type TransactionOptions = {
  /**
   * Commit without waiting for the WAL flush (`synchronous_commit = off`): only for work that is
   * replayed when lost, such as applying a queued delivery together with its deletion.
   */
  asyncCommit?: boolean;
};

/** Runs `work` as the application role seeing only what one user owns across tenants (memberships). */
export function withUser<T>(db: Db, userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withScope(db, { userId }, work);
}

/**
 * Inside a system (owner) transaction that creates a tenant's first rows: the tenant policies'
 * WITH CHECK then accepts them, as FORCE ROW LEVEL SECURITY applies to the owner too.
 */
export async function enterTenant(tx: Executor, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

async function withScope<T>(
  db: Db,
  scope: Scope,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const [setting, id] =
    "tenantId" in scope ? ["app.tenant_id", scope.tenantId] : ["app.user_id", scope.userId];
  if (!uuidPattern.test(id)) throw new Error(`Not an id: ${JSON.stringify(id)}`);
  // Safe inline: the role and setting names are ours, the id a validated UUID.
  const settings = [
    `set_config('role', '${appRole}', true)`,
    `set_config('${setting}', '${id}', true)`,
    ...(options.asyncCommit ? ["set_config('synchronous_commit', 'off', true)"] : []),
  ].join(", ");
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return withScopeOnPool(client, settings, work);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`select ${settings}`));
    return work(tx);
  });
}

/**
 * On PostgreSQL the hot path saves a round trip: BEGIN and the scope settings travel as one
 * simple-protocol message (the id is a validated UUID, so it is safe inline), then drizzle runs
 * `work` on that connection as a transaction (nested transactions become savepoints).
 */
async function withScopeOnPool<T>(pool: pg.Pool, settings: string, work: (tx: Tx) => Promise<T>) {
  const client = await pool.connect();
  // A connection that failed to begin or to roll back is discarded, not returned to the pool.
  let unusable: Error | undefined;
  try {
    await client.query(`begin; select ${settings}`).catch((error: Error) => {
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
