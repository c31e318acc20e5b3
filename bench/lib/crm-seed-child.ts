import { type LoadedRows, loadOrganizations } from "./crm-seed-load.ts";
import type { SeedTarget } from "./crm-seed-rows.ts";

/**
 * One lane of the seed in a process of its own (run by `crm-seed.ts`): generating people is the
 * slow part, and two processes use both cores. Argument: `{databaseUrl, targets, now}` as JSON;
 * prints its running totals as JSON lines.
 */
const { databaseUrl, targets, now } = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  targets: SeedTarget[];
  now: number;
};
const report = (totals: LoadedRows) => process.stdout.write(`${JSON.stringify(totals)}\n`);
report(await loadOrganizations(databaseUrl, targets, now, report));
