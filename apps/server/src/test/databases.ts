import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { createPglite, type Database, openDatabase } from "../platform/db/client.ts";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.SBOS_TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** A connection to this run's migrated test database: the PostgreSQL one, or a fresh PGlite copy. */
export async function openTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === "postgres") {
    return openDatabase({ kind: "postgres", url: inject("postgresUrl"), poolSize: 10 });
  }
  const dump = await readFile(inject("pgliteDumpPath"));
  const instance = await createPglite({ loadDataDir: new Blob([dump]) });
  return openDatabase({ kind: "pglite-instance", instance });
}
