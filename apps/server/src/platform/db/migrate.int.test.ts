import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../test/databases.ts";
import { runAdmin } from "../../test/global-setup.ts";
import { databaseUrlFor } from "../../test/postgres-url.ts";
import { newId } from "../ids.ts";
import { createPglite, type Database, openDatabase } from "./client.ts";
import { MigrationError, migrateDatabase, migrationsFolder } from "./migrate.ts";

const opened: Database[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** An empty database of this run's kind. */
async function openEmptyDatabase(): Promise<Database> {
  let database: Database;
  if (testDatabaseKind() === "postgres") {
    const name = `sbos_migrate_${newId().replaceAll("-", "")}`;
    await runAdmin(`create database ${name}`);
    cleanups.push(() => runAdmin(`drop database if exists ${name} with (force)`));
    database = await openDatabase({ kind: "postgres", url: databaseUrlFor(name), poolSize: 2 });
  } else {
    database = await openDatabase({ kind: "pglite-instance", instance: await createPglite() });
  }
  opened.push(database);
  return database;
}

/** A copy of the real migrations plus one more, as a later release would ship it. */
async function migrationsWithExtra(name: string, statements: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "sbos-migrations-"));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8"));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, tag: name, when: last.when + 1000 });
  await writeFile(journalPath, JSON.stringify(journal));
  await writeFile(path.join(folder, `${name}.sql`), statements.join("\n--> statement-breakpoint\n"));
  return folder;
}

const tableExists = async (database: Database, table: string) => {
  const result = await database.db.execute<{ found: string | null }>(
    sql`select to_regclass(${table})::text as found`,
  );
  return result.rows[0]?.found !== null;
};

describe("migrations", () => {
  it("create the whole schema on an empty database, and do nothing the second time", async () => {
    const database = await openEmptyDatabase();
    expect((await migrateDatabase(database)).applied).toBeGreaterThan(0);
    expect(await tableExists(database, "api_keys")).toBe(true);
    expect(await migrateDatabase(database)).toEqual({ applied: 0 });
  });

  it("upgrade a database of an earlier release in one step", async () => {
    const database = await openEmptyDatabase();
    await migrateDatabase(database);
    const later = await migrationsWithExtra("9999_later_release", [
      "create table release_two (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))",
    ]);
    expect(await migrateDatabase(database, later)).toEqual({ applied: 1 });
    expect(await tableExists(database, "release_two")).toBe(true);
    const policy = await database.db.execute(
      sql`select 1 from pg_policies where tablename = 'release_two' and policyname = 'tenant_isolation'`,
    );
    expect(policy.rows).toHaveLength(1);
  });

  it("roll back entirely when one statement fails, and say why", async () => {
    const database = await openEmptyDatabase();
    const broken = await migrationsWithExtra("9999_broken", [
      "create table half_done (id int)",
      "alter table no_such_table add column x int",
    ]);
    const failure = migrateDatabase(database, broken);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(/no_such_table/);
    expect(await tableExists(database, "half_done")).toBe(false);
    expect(await tableExists(database, "api_keys")).toBe(false);
  });
});
