import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runAuthGroup } from "./auth.ts";
import { runCrmGroup } from "./crm.ts";
import { runHttpGroup } from "./http-stack.ts";
import { runInboxGroup } from "./inbox.ts";
import { type BenchGroup, createRecorder, type Recorder } from "./lib/figures.ts";
import { logProgress } from "./lib/progress.ts";
import { runQueueGroup } from "./queue.ts";
import {
  type BenchReport,
  describeMachine,
  formatReportTable,
  readLoadAverage,
  writeReportJson,
} from "./report.ts";
import { runStartupGroup } from "./startup.ts";

const groups: Record<BenchGroup, (recorder: Recorder) => Promise<void>> = {
  http: runHttpGroup,
  queue: runQueueGroup,
  startup: runStartupGroup,
  auth: runAuthGroup,
  crm: runCrmGroup,
  inbox: runInboxGroup,
};
const resultsFile = fileURLToPath(new URL("./results/latest.json", import.meta.url));

function selectGroups(): BenchGroup[] {
  const { values } = parseArgs({ options: { only: { type: "string" }, reuse: { type: "boolean" } } });
  if (!values.only) return Object.keys(groups) as BenchGroup[];
  const selected = values.only.split(",").map((name) => name.trim());
  for (const name of selected) {
    if (!(name in groups)) throw new Error(`--only takes ${Object.keys(groups).join(", ")}; got "${name}"`);
  }
  return selected as BenchGroup[];
}

const selected = selectGroups();
const startedAt = new Date();
const loadAtStart = readLoadAverage();
const recorder = createRecorder(logProgress);
for (const group of selected) await groups[group](recorder);

const report: BenchReport = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  groups: selected,
  machine: describeMachine(),
  loadAverageAtStart: loadAtStart,
  figures: recorder.figures,
  failures: recorder.failures,
  notes: recorder.notes,
};
await writeReportJson(report, resultsFile);
console.log(formatReportTable(report));
logProgress(`results written to ${resultsFile}`);
// Exit explicitly: a leftover idle socket in a library must not keep the bench alive.
process.exit(recorder.failures.length > 0 ? 1 : 0);
