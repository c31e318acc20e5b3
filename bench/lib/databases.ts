import { randomBytes } from "node:crypto";
import pg from "pg";

export const adminDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A fresh PostgreSQL database for one run, so figures never depend on leftovers. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `sbos_bench_${randomBytes(4).toString("hex")}`;
  await runAdminStatement(`create database ${name}`);
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runAdminStatement(`drop database if exists ${name} with (force)`),
  };
}

async function runAdminStatement(statement: string) {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
