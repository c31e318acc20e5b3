import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPglite, openDatabase } from "../platform/db/client.ts";
import { migrateDatabase } from "../platform/db/migrate.ts";
import { adminDatabaseUrl, databaseUrlFor } from "./postgres-url.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresUrl: string;
  }
}

/**
 * Prepares one migrated database per run: a fresh PostgreSQL database (dropped at the end), or a
 * PGlite data folder dumped once, which every test file loads instead of running initdb again.
 */
export default async function setup(project: TestProject) {
  if (project.config.env.SBOS_TEST_DB === "postgres") {
    const name = `sbos_test_${process.pid}_${Date.now()}`;
    await runAdmin(`create database ${name}`);
    const url = databaseUrlFor(name);
    const database = await openDatabase({ kind: "postgres", url, poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    project.provide("postgresUrl", url);
    return async () => {
      await runAdmin(`drop database if exists ${name} with (force)`);
    };
  }
  const instance = await createPglite();
  await migrateDatabase(await openDatabase({ kind: "pglite-instance", instance }));
  const dump = await instance.dumpDataDir("gzip");
  const dumpPath = path.join(tmpdir(), `sbos-pglite-${process.pid}-${Date.now()}.tar.gz`);
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await instance.close();
  project.provide("pgliteDumpPath", dumpPath);
}

export async function runAdmin(statement: string) {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
