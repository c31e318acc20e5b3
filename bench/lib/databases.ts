import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";

export const adminDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A fresh PostgreSQL database for one run, so figures never depend on leftovers. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `sbos_bench_${randomBytes(4).toString("hex")}`;
  await runAdminQuery(`create database ${name}`);
  return {
    name,
    url: databaseUrlOf(name),
    drop: async () => {
      await runAdminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export type ReusedDatabase = BenchDatabase & { complete: boolean };

/**
 * With `--reuse`, a seeded database kept under a fixed name: `complete` when its comment is
 * `marker` (the seed finished with the same sources and sizes); otherwise it is dropped and
 * created again empty, to be seeded and then marked with `markReusedDatabase`.
 */
export async function openReusedDatabase(name: string, marker: string): Promise<ReusedDatabase> {
  const drop = async () => {
    await runAdminQuery(`drop database if exists ${name} with (force)`);
  };
  const found = await runAdminQuery<{ marker: string | null }>(
    "select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1",
    [name],
  );
  if (found[0]?.marker === marker) return { name, url: databaseUrlOf(name), drop, complete: true };
  await drop();
  await runAdminQuery(`create database ${name}`);
  return { name, url: databaseUrlOf(name), drop, complete: false };
}

/** Records that the seed of a reused database finished. */
export async function markReusedDatabase(name: string, marker: string) {
  await runAdminQuery(`comment on database ${name} is '${marker.replaceAll("'", "''")}'`);
}

/** A short hash of the files a seed's rows depend on: editing any of them makes `--reuse` seed again. */
export function hashSeedSources(sources: URL[]): string {
  const hash = createHash("sha256");
  for (const source of sources) hash.update(readFileSync(source));
  return hash.digest("hex").slice(0, 16);
}

function databaseUrlOf(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runAdminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(statement, values)).rows;
  } finally {
    await client.end();
  }
}
