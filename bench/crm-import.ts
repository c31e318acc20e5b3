import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { prepareOrganizations, withProductModules } from "./lib/crm-organizations.ts";
import { createBenchDatabase } from "./lib/databases.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import { writePeopleCsv } from "./lib/people-generator.ts";
import { logProgress } from "./lib/progress.ts";
import { readRss, sampleRss, startServerProcess } from "./lib/server-process.ts";
import { sleep } from "./lib/stats.ts";
import { createTempDir } from "./lib/temp-dirs.ts";

const rows = 100_000;
const csvSeed = 7;
const pollMs = 100;
const timeoutMs = 10 * 60_000;
const wallTimeTarget: Target = { comparison: "below", value: 20 };
const memoryTarget: Target = { comparison: "below", value: 300 };
const mb = 1024 * 1024;

type ImportView = {
  id: string;
  status: string;
  rowCount: number;
  suggestedMapping: Record<string, string>;
  counts: { processed: number; created: number; updated: number; skipped: number; failed: number };
  failure: string | null;
};

/**
 * A 100,000-row CSV export (many scripts, phones of many countries) imported through the API by
 * `sbos serve` + `sbos worker` on a fresh PostgreSQL database: upload, start with the suggested
 * mapping in upsert mode, poll until completed. Wall time from the upload's first byte; each
 * process's peak resident memory sampled every 100 ms.
 */
export async function measureImport(recorder: Recorder) {
  const database = await createBenchDatabase();
  const dataDir = await createTempDir("crm-import");
  try {
    const file = path.join(dataDir.path, "contacts-100k.csv");
    const written = await writePeopleCsv(file, { seed: csvSeed, count: rows });
    logProgress(
      `crm · import: wrote ${rows.toLocaleString("en-US")} rows, ${(written.bytes / mb).toFixed(1)} MB`,
    );
    recorder.add("crm", "import · CSV file size (100,000 rows)", written.bytes / mb, "MB");
    const [organization] = await withProductModules(database.url, dataDir.path, (modules) =>
      prepareOrganizations(modules, [{ slug: "bench-crm-import", name: "Bench CRM import" }]),
    );
    if (!organization) throw new Error("no organisation was created");

    const options = { databaseUrl: database.url, dataDir: dataDir.path };
    const server = await startServerProcess("serve", options);
    const worker = await startServerProcess("worker", options).catch(async (error) => {
      await server.stop();
      throw error;
    });
    try {
      const body = await readFile(file);
      const headers = { authorization: `Bearer ${organization.apiKey}` };
      recorder.add(
        "crm",
        "import · RSS before, sbos serve (started, idle)",
        (await readRss(server.pid)) / mb,
        "MB",
      );
      recorder.add(
        "crm",
        "import · RSS before, sbos worker (started, idle)",
        (await readRss(worker.pid)) / mb,
        "MB",
      );
      const sampler = sampleRss([server.pid, worker.pid]);
      const started = performance.now();
      let finished: ImportView;
      let uploadSeconds: number;
      let peaks = new Map<number, number>();
      try {
        const upload = await fetch(`${server.url}/api/v1/imports?fileName=contacts-100k.csv`, {
          method: "POST",
          headers: { ...headers, "content-type": "text/csv" },
          body,
        });
        const uploaded = (await upload.json()) as ImportView;
        if (upload.status !== 201)
          throw new Error(`upload answered ${upload.status}: ${JSON.stringify(uploaded)}`);
        uploadSeconds = (performance.now() - started) / 1000;
        logProgress(
          `crm · import: uploaded in ${uploadSeconds.toFixed(2)} s, ${uploaded.rowCount} rows, mapping ${JSON.stringify(uploaded.suggestedMapping)}`,
        );
        const start = await fetch(`${server.url}/api/v1/imports/${uploaded.id}/start`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ mapping: uploaded.suggestedMapping, mode: "upsert" }),
        });
        if (start.status !== 202) throw new Error(`start answered ${start.status}: ${await start.text()}`);
        await start.arrayBuffer();
        finished = await pollUntilDone(`${server.url}/api/v1/imports/${uploaded.id}`, headers, started);
      } finally {
        peaks = await sampler.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      if (finished.status !== "completed")
        throw new Error(`the import ${finished.status}: ${finished.failure}`);

      recorder.add("crm", "import 100,000 rows · upload → completed", seconds, "s", wallTimeTarget);
      recorder.add("crm", "import · upload (POST /api/v1/imports)", uploadSeconds, "s");
      recorder.add("crm", "import · rows/s", rows / seconds, "rows/s");
      recorder.add(
        "crm",
        "import · peak RSS, sbos serve",
        (peaks.get(server.pid) ?? 0) / mb,
        "MB",
        memoryTarget,
      );
      recorder.add(
        "crm",
        "import · peak RSS, sbos worker",
        (peaks.get(worker.pid) ?? 0) / mb,
        "MB",
        memoryTarget,
      );
      recorder.add("crm", "import · contacts created", finished.counts.created, "count");
      recorder.add("crm", "import · rows updated, skipped or failed", rowsNotCreated(finished), "count", {
        comparison: "below",
        value: 1,
      });
      const stored = await countContacts(database.url, organization.id);
      recorder.add("crm", "import · contacts in the database afterwards", stored, "count", {
        comparison: "at-least",
        value: rows,
      });
      logProgress(
        `crm · import: ${seconds.toFixed(1)} s, ${JSON.stringify(finished.counts)}, ${stored} contacts stored; peak RSS serve ${((peaks.get(server.pid) ?? 0) / mb).toFixed(0)} MB, worker ${((peaks.get(worker.pid) ?? 0) / mb).toFixed(0)} MB`,
      );
    } finally {
      await Promise.all([server.stop(), worker.stop()]);
    }
  } finally {
    await dataDir.remove();
    await database.drop();
  }
}

function rowsNotCreated(view: ImportView) {
  return view.counts.updated + view.counts.skipped + view.counts.failed;
}

async function pollUntilDone(
  url: string,
  headers: Record<string, string>,
  started: number,
): Promise<ImportView> {
  let lastReport = 0;
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(url, { headers });
    const view = (await response.json()) as ImportView;
    if (response.status !== 200)
      throw new Error(`${url} answered ${response.status}: ${JSON.stringify(view)}`);
    if (view.status === "completed" || view.status === "failed") return view;
    if (performance.now() - lastReport > 2_000) {
      lastReport = performance.now();
      logProgress(`  crm · import: ${view.status}, ${view.counts.processed} of ${view.rowCount} rows`);
    }
    await sleep(pollMs);
  }
  throw new Error(`the import did not finish within ${timeoutMs / 1000} s`);
}

async function countContacts(databaseUrl: string, tenantId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ count: string }>(
      "select count(*) as count from contacts where tenant_id = $1",
      [tenantId],
    );
    return Number(found[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
