import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorker, type Worker } from "../../../platform/queue/worker.ts";
import {
  createTestTenant,
  silentLogger,
  startTestApp,
  type TestApp,
  type TestTenant,
} from "../../../test/harness.ts";
import { runImportJob } from "./jobs.ts";
import { identityTargets } from "./mapping.ts";

/**
 * Contact exports of real tools (Google, Outlook, LinkedIn, Thunderbird…) kept outside the project
 * (their origins and licences are in SOURCES.md there): read where they are, never copied in.
 */
const fixturesDir = "/work/shared/fixtures/csv";
const present = existsSync(fixturesDir);
if (!present) {
  console.warn(
    `fixtures-replay: SKIPPED, the third-party CSV fixtures are absent (${fixturesDir} does not exist).`,
  );
}

async function csvFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return csvFilesUnder(full);
      return Promise.resolve(entry.name.toLowerCase().endsWith(".csv") ? [full] : []);
    }),
  );
  return nested.flat().sort();
}

/** The data records as an independent parse counts them (blank and all-empty lines are not contacts). */
function countRecords(bytes: Buffer): number {
  const text = bytes.toString("utf8").replace(/^\ufeff/, "");
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? "").includes(";") ? ";" : ",";
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  }) as string[][];
  return records.length - 1;
}

describe.skipIf(!present)("replaying third-party CSV exports through the import API", () => {
  let harness: TestApp;
  let tenant: TestTenant;
  let worker: Worker;

  beforeAll(async () => {
    harness = await startTestApp();
    tenant = await createTestTenant(harness.modules, "admin");
    worker = createWorker({
      database: harness.database,
      logger: silentLogger,
      registrations: harness.modules.modules
        .flatMap((module) => module.jobs ?? [])
        .filter((registration) => registration.type.name === runImportJob.name),
      concurrency: 2,
      pollIntervalMs: 100,
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await harness?.close();
  });

  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    harness.app.inject({ method, url, headers: tenant.headers, ...(payload ? { payload } : {}) });

  async function waitForImport(id: string) {
    for (let attempt = 0; attempt < 300; attempt++) {
      const current = (await call("GET", `/api/v1/imports/${id}`)).json();
      if (current.status === "completed" || current.status === "failed") return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import ${id} did not finish`);
  }

  it("imports every fixture with the guessed mapping: rows counted, no server error, every failure explained", async () => {
    const files = await csvFilesUnder(fixturesDir);
    expect(files.length).toBeGreaterThan(0);
    const summary: string[] = [];
    for (const file of files) {
      const label = path.relative(fixturesDir, file);
      const bytes = await readFile(file);
      const uploaded = await harness.app.inject({
        method: "POST",
        url: `/api/v1/imports?fileName=${encodeURIComponent(path.basename(file))}`,
        headers: { ...tenant.headers, "content-type": "text/csv" },
        payload: bytes,
      });
      expect(uploaded.statusCode, `${label}: ${uploaded.body}`).toBe(201);
      const created = uploaded.json();
      expect(created.rowCount, label).toBe(countRecords(bytes));
      expect(created.preview.length, label).toBe(Math.min(10, created.rowCount));

      const mapping: Record<string, string> = created.suggestedMapping;
      const mapsIdentity = Object.values(mapping).some((target) =>
        (identityTargets as readonly string[]).includes(target),
      );
      const dryRun = await call("POST", `/api/v1/imports/${created.id}/dry-run`, { mapping, mode: "upsert" });
      if (!mapsIdentity) {
        expect(dryRun.statusCode, label).toBe(400);
        summary.push(`${label}: ${created.rowCount} rows, no name/email/phone column guessed`);
        continue;
      }
      expect(dryRun.statusCode, `${label}: ${dryRun.body}`).toBe(200);
      const counts = dryRun.json();
      expect(counts.rows, label).toBe(created.rowCount);
      expect(counts.wouldCreate + counts.wouldUpdate + counts.wouldSkip + counts.wouldFail, label).toBe(
        counts.rows,
      );
      for (const error of counts.errors)
        expect(error.reason, label).toMatch(/^[\w.]+: .+|no name, email or phone/);

      const started = await call("POST", `/api/v1/imports/${created.id}/start`, { mapping, mode: "upsert" });
      expect(started.statusCode, `${label}: ${started.body}`).toBe(202);
      const done = await waitForImport(created.id);
      expect(done.status, `${label}: ${done.failure}`).toBe("completed");
      expect(done.counts.processed, label).toBe(created.rowCount);
      expect(done.counts.created + done.counts.updated, label).toBe(counts.wouldCreate + counts.wouldUpdate);
      expect(done.counts.failed, label).toBe(counts.wouldFail);

      const report = await call("GET", `/api/v1/imports/${created.id}/errors.csv`);
      expect(report.statusCode, label).toBe(200);
      const failedRows = parse(report.body.replace(/^\ufeff/, ""), {
        delimiter: created.delimiter,
        columns: true,
        relax_column_count: true,
      }) as Record<string, string>[];
      expect(failedRows, label).toHaveLength(done.counts.failed);
      for (const row of failedRows) expect(row.error, label).not.toBe("");
      summary.push(
        `${label}: ${created.rowCount} rows, ${done.counts.created} created, ${done.counts.updated} updated, ${done.counts.failed} failed${failedRows.length > 0 ? ` (${failedRows.map((row) => `row ${row.row}: ${row.error}`).join(" | ")})` : ""}`,
      );
    }
    console.info(`fixtures-replay:\n  ${summary.join("\n  ")}`);
  });
});
