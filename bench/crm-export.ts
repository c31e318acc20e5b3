import type { BenchOrganization } from "./lib/crm-organizations.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import { logProgress } from "./lib/progress.ts";
import { readRss, type ServerProcess, sampleRss } from "./lib/server-process.ts";

const memoryTarget: Target = { comparison: "below", value: 300 };
const mb = 1024 * 1024;
const newline = 0x0a;

/**
 * `GET /api/v1/exports/contacts` downloaded to nowhere, counting bytes and lines as they arrive:
 * time, rows/s and the server process's peak resident memory (sampled every 100 ms).
 */
export async function measureExport(
  recorder: Recorder,
  options: {
    server: ServerProcess;
    organization: BenchOrganization;
    format: "csv" | "xlsx";
    label: string;
    expectedRows: number;
  },
) {
  const { server, organization, format, label } = options;
  const idleRss = await readRss(server.pid);
  const sampler = sampleRss([server.pid]);
  const started = performance.now();
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  let head = Buffer.alloc(0);
  let peaks = new Map<number, number>();
  try {
    const response = await fetch(`${server.url}/api/v1/exports/contacts?format=${format}`, {
      headers: { authorization: `Bearer ${organization.apiKey}` },
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`the export answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    }
    for await (const chunk of response.body) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      if (head.length < 4) head = Buffer.concat([head, chunk]).subarray(0, 4);
      bytes += chunk.length;
      for (let at = chunk.indexOf(newline); at !== -1; at = chunk.indexOf(newline, at + 1)) lines++;
    }
  } finally {
    peaks = await sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = peaks.get(server.pid) ?? 0;
  recorder.add("crm", `${label} · time`, seconds, "s");
  recorder.add("crm", `${label} · size`, bytes / mb, "MB");
  recorder.add("crm", `${label} · first byte`, firstByteMs, "ms");
  recorder.add("crm", `${label} · RSS of sbos serve before (started, idle)`, idleRss / mb, "MB");
  recorder.add("crm", `${label} · peak RSS, sbos serve`, peak / mb, "MB", memoryTarget);
  if (format === "csv") {
    // Generated people have no line breaks inside fields: every line but the header is a contact.
    const rows = lines - 1;
    recorder.add("crm", `${label} · rows/s`, rows / seconds, "rows/s");
    recorder.add("crm", `${label} · rows received`, rows, "count", {
      comparison: "at-least",
      value: options.expectedRows,
    });
    logProgress(
      `  ${label}: ${rows.toLocaleString("en-US")} rows, ${(bytes / mb).toFixed(0)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), peak RSS ${(peak / mb).toFixed(0)} MB`,
    );
  } else {
    if (head.toString("latin1", 0, 2) !== "PK") throw new Error("the XLSX export is not a ZIP file");
    logProgress(
      `  ${label}: ${(bytes / mb).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak RSS ${(peak / mb).toFixed(0)} MB`,
    );
  }
}
