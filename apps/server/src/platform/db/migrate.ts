import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database, Executor } from "./client.ts";
import { applyTenantIsolation, ensureAppRole } from "./tenant-isolation.ts";

export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies every pending drizzle-kit migration in one transaction, then row-level security, under
 * a lock so several processes starting together migrate once. Any failure rolls everything back:
 * the server never starts on a half-migrated database, and any earlier release upgrades in one step.
 */
export async function migrateDatabase(
  database: Database,
  folder = migrationsFolder,
): Promise<{ applied: number }> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  return database.runExclusive(async () => {
    try {
      return await database.db.transaction(async (tx) => {
        await ensureAppRole(tx);
        const appliedAt = await readAppliedMigrations(tx);
        const pending = migrations.filter((migration) => !appliedAt.has(migration.folderMillis));
        for (const migration of pending) {
          for (const statement of migration.sql) {
            if (statement.trim()) await tx.execute(sql.raw(statement));
          }
          await tx.execute(
            sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
          );
        }
        await applyTenantIsolation(tx);
        return { applied: pending.length };
      });
    } catch (error) {
      throw new MigrationError(`Database migration failed, nothing was changed: ${describeError(error)}`, {
        cause: error,
      });
    }
  });
}

async function readAppliedMigrations(executor: Executor): Promise<Set<number>> {
  await executor.execute(sql`create schema if not exists drizzle`);
  await executor.execute(sql`create table if not exists drizzle.__drizzle_migrations (
    id serial primary key, hash text not null, created_at bigint)`);
  const result = await executor.execute<{ created_at: string }>(
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations`,
  );
  return new Set(result.rows.map((row) => Number(row.created_at)));
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}
