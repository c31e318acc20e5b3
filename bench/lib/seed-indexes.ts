import pg from "pg";
import { logProgress } from "./progress.ts";

export type IndexDefinition = { name: string; definition: string };

/**
 * The tables' indexes that back no constraint (primary keys stay), dropped before a bulk load and
 * answered with their definitions, to be built again by `rebuildIndexes`.
 */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `select indexname as name, indexdef as definition from pg_indexes i
     where schemaname = 'public' and tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const index of rows) await client.query(`drop index "${index.name}"`);
  return rows;
}

/** Builds indexes on one connection per lane (lanes run at once: one per core), logging each one's time. */
export async function rebuildIndexes(databaseUrl: string, lanes: IndexDefinition[][]) {
  await Promise.all(
    lanes.map(async (lane) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query("set maintenance_work_mem = '1GB'");
        for (const index of lane) {
          const started = performance.now();
          await client.query(index.definition);
          logProgress(`    index ${index.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      } finally {
        await client.end();
      }
    }),
  );
}
