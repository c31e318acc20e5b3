import { fileURLToPath } from "node:url";
import pg from "pg";
import { spawnTracked } from "./children.ts";
import type { LoadedRows } from "./crm-seed-load.ts";
import type { SeedTarget } from "./crm-seed-rows.ts";
import { logProgress } from "./progress.ts";
import { dropSecondaryIndexes, type IndexDefinition, rebuildIndexes } from "./seed-indexes.ts";

export type { SeedTarget } from "./crm-seed-rows.ts";

const loadedTables = ["contacts", "contact_tags", "consents"];
const childScript = fileURLToPath(new URL("./crm-seed-child.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const lanes = 2;

export type SeedSummary = LoadedRows & { seconds: number };

/**
 * Fills organisations with generated contacts straight in SQL, as the database owner (no row-level
 * security, no triggers, no per-row foreign key checks): the secondary indexes of the loaded tables
 * are dropped first and rebuilt afterwards from their own definitions, then the tables are vacuumed
 * and analysed. Every row's search keys are what the app computes (`contactSearchKeys`).
 */
export async function seedCrmData(databaseUrl: string, targets: SeedTarget[]): Promise<SeedSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const indexes = await dropSecondaryIndexes(client, loadedTables);
    const total = targets.reduce((sum, target) => sum + target.contacts, 0);
    const byLane: LoadedRows[] = [];
    let nextReport = 100_000;
    const report = () => {
      const loaded = byLane.reduce((sum, lane) => sum + lane.contacts, 0);
      if (loaded < nextReport) return;
      nextReport += 100_000;
      const perSecond = loaded / ((performance.now() - started) / 1000);
      logProgress(
        `  crm seed: ${loaded.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} contacts, ${Math.round(perSecond).toLocaleString("en-US")}/s`,
      );
    };
    const now = Date.now();
    await Promise.all(
      splitIntoLanes(targets).map((lane, index) =>
        runLane(databaseUrl, lane, now, (totals) => {
          byLane[index] = totals;
          report();
        }),
      ),
    );
    const summary = byLane.reduce(
      (sum, lane) => ({
        contacts: sum.contacts + lane.contacts,
        contactTags: sum.contactTags + lane.contactTags,
        consents: sum.consents + lane.consents,
      }),
      { contacts: 0, contactTags: 0, consents: 0 },
    );
    logProgress(
      `  crm seed: ${summary.contacts.toLocaleString("en-US")} contacts, ${summary.contactTags.toLocaleString("en-US")} tag links, ${summary.consents.toLocaleString("en-US")} consents inserted after ${((performance.now() - started) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes`,
    );
    // The trigram index of names (duplicates) takes longest: alone on one connection, every other index on the other.
    const isSearch = (index: IndexDefinition) => /gin_trgm_ops/.test(index.definition);
    await rebuildIndexes(databaseUrl, [
      indexes.filter(isSearch),
      indexes.filter((index) => !isSearch(index)),
    ]);
    logProgress("  crm seed: vacuum and analyse");
    await client.query(
      `vacuum (analyze) ${[...loadedTables, "companies", "tags", "custom_fields"].join(", ")}`,
    );
    return { ...summary, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** Organisations into lanes of about the same number of contacts, largest first. */
function splitIntoLanes(targets: SeedTarget[]): SeedTarget[][] {
  const split = Array.from({ length: lanes }, () => ({ contacts: 0, targets: [] as SeedTarget[] }));
  for (const target of [...targets].sort((a, b) => b.contacts - a.contacts)) {
    const lightest = split.reduce((best, lane) => (lane.contacts < best.contacts ? lane : best));
    lightest.contacts += target.contacts;
    lightest.targets.push(target);
  }
  return split.map((lane) => lane.targets).filter((lane) => lane.length > 0);
}

async function runLane(
  databaseUrl: string,
  targets: SeedTarget[],
  now: number,
  onTotals: (totals: LoadedRows) => void,
) {
  const child = spawnTracked(
    process.execPath,
    ["--import", "tsx", childScript, JSON.stringify({ databaseUrl, targets, now })],
    { cwd: repoRoot },
  );
  let partial = "";
  child.process.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onTotals(JSON.parse(line) as LoadedRows);
  });
  const status = await child.exited;
  if (status.code !== 0) {
    throw new Error(
      `a seed lane exited with ${status.code ?? status.signal}: ${child.output().slice(-2000)}`,
    );
  }
}
