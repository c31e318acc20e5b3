import { loadavg } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { loadVocabulary, selectionCondition } from "../apps/server/src/modules/crm/contacts/selection.ts";
import { after, orderBy, resolveSort, sortKey } from "../apps/server/src/modules/crm/filter/sort.ts";
import { contacts } from "../apps/server/src/modules/crm/tables.ts";
import { openDatabase } from "../apps/server/src/platform/db/client.ts";
import { withTenant } from "../apps/server/src/platform/db/tenancy.ts";
import { type ContactRequest, contactsPath, type QueryKind } from "./crm-queries.ts";
import type { BenchOrganization } from "./lib/crm-organizations.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import type { LoadResult } from "./lib/http-load.ts";
import { runPathLoad } from "./lib/path-load.ts";
import { logProgress } from "./lib/progress.ts";
import { percentile, waitUntil } from "./lib/stats.ts";

const steady = { connections: 10, durationSeconds: 10, warmupSeconds: 2, requestsPerSecond: 50 };
const saturated = { connections: 10, durationSeconds: 10, warmupSeconds: 2 };
const p99Target: Target = { comparison: "below", value: 50 };
const planLines = 60;
/** Requests of a kind timed one at a time (spread over the kind), before any load. */
const aloneSamples = 15;
const quietTimeoutMs = 120_000;

type Timed = { request: ContactRequest; ms: number; found: number };

/**
 * Every kind of contact list request through the real API: a few requests alone, then load at a
 * steady 50 req/s (the target applies there) and at saturation. A kind that misses the target gets
 * the plan of its slowest request in the notes, as PostgreSQL runs it for the app (application
 * role, row-level security on).
 */
export async function measureContactQueries(
  recorder: Recorder,
  options: { baseUrl: string; organization: BenchOrganization; databaseUrl: string; kinds: QueryKind[] },
) {
  const headers = { authorization: `Bearer ${options.organization.apiKey}` };
  // Other work on the machine moves every latency here: the load around the runs says how much.
  recorder.add("crm", "search and lists · machine load average (1 min) before", loadavg()[0] ?? 0, "ratio");
  for (const kind of options.kinds) {
    logProgress(`crm · ${kind.name}: load average ${(loadavg()[0] ?? 0).toFixed(2)}`);
    const alone = await timeAlone(options.baseUrl, headers, kind.requests);
    const times = alone.map((timed) => timed.ms);
    const slowest = alone.reduce((worst, timed) => (timed.ms > worst.ms ? timed : worst));
    recorder.add(
      "crm",
      `${kind.name} · one at a time, median of ${alone.length}`,
      percentile(times, 50),
      "ms",
    );
    recorder.add("crm", `${kind.name} · one at a time, slowest of ${alone.length}`, slowest.ms, "ms");
    logProgress(
      `crm · ${kind.name}: alone median ${percentile(times, 50).toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms; ` +
        `${alone.filter((timed) => timed.found > 0).length} of ${alone.length} find contacts`,
    );

    const paths = kind.requests.map(contactsPath);
    logProgress(`crm · ${kind.name}: ${paths.length} distinct requests at ${steady.requestsPerSecond} req/s`);
    const atRate = await runPathLoad({ ...steady, baseUrl: options.baseUrl, paths, headers });
    recordLoad(recorder, `${kind.name} · ${steady.requestsPerSecond} req/s`, atRate, p99Target);
    await waitForQuiet(options.databaseUrl);
    logProgress(`crm · ${kind.name}: saturation, ${saturated.connections} connections`);
    const flatOut = await runPathLoad({ ...saturated, baseUrl: options.baseUrl, paths, headers });
    recordLoad(recorder, `${kind.name} · saturation`, flatOut);
    await waitForQuiet(options.databaseUrl);

    if (!(atRate.p99Ms < p99Target.value) || atRate.errors + atRate.non2xx > 0) {
      const plan = await explainContactQuery(options.databaseUrl, options.organization.id, slowest.request);
      const text = `crm · "${kind.name}" missed p99 < ${p99Target.value} ms (${atRate.p99Ms} ms at ${steady.requestsPerSecond} req/s, ${atRate.errors} errors); its slowest sampled request, ${contactsPath(slowest.request)} (${slowest.ms.toFixed(0)} ms alone), runs as:\n${plan}`;
      recorder.note(text);
      logProgress(text);
    }
  }
  recorder.add("crm", "search and lists · machine load average (1 min) after", loadavg()[0] ?? 0, "ratio");
}

/** A sample of the kind's requests one at a time; a refused request (wrong key, bad filter) fails the run. */
async function timeAlone(baseUrl: string, headers: Record<string, string>, requests: ContactRequest[]) {
  const step = Math.max(1, Math.ceil(requests.length / aloneSamples));
  const timed: Timed[] = [];
  for (const request of requests.filter((_, index) => index % step === 0)) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${contactsPath(request)}`, { headers });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) {
      throw new Error(`${contactsPath(request)} answered ${response.status}: ${body.slice(0, 500)}`);
    }
    timed.push({ request, ms, found: (JSON.parse(body) as { data: unknown[] }).data.length });
  }
  return timed;
}

/**
 * Load that outran the server leaves queries running after the clients went away: the next run
 * must not start on a busy database.
 */
async function waitForQuiet(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await waitUntil(
      async () => {
        const { rows } = await client.query<{ busy: number }>(
          `select count(*)::int as busy from pg_stat_activity
           where datname = current_database() and backend_type = 'client backend' and state = 'active'
             and pid <> pg_backend_pid()`,
        );
        return (rows[0]?.busy ?? 0) === 0;
      },
      { intervalMs: 200, timeoutMs: quietTimeoutMs, what: "queries left by the load to finish" },
    );
  } finally {
    await client.end();
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the page query the contacts service runs for `request`, built with
 * the service's own selection and sort code, in a tenant transaction as the app runs it.
 */
async function explainContactQuery(databaseUrl: string, tenantId: string, request: ContactRequest) {
  const database = await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 });
  try {
    return await withTenant(database.db, tenantId, async (tx) => {
      const vocabulary = await loadVocabulary(tx, tenantId);
      const query = request.query;
      const where = await selectionCondition(tx, tenantId, query, vocabulary, "querystring", "page");
      const sort = resolveSort(query.sort, query.order as "asc" | "desc" | undefined, vocabulary.catalogue);
      const page = tx
        .select({ contact: contacts, sortKey: sortKey(sort) })
        .from(contacts)
        .where(
          and(
            eq(contacts.tenantId, tenantId),
            where,
            request.position ? after(sort, request.position) : undefined,
          ),
        )
        .orderBy(orderBy(sort))
        .limit(Number(query.limit ?? 50) + 1);
      const result = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${page}`);
      const lines = result.rows.map((row) => row["QUERY PLAN"]);
      return lines.length > planLines
        ? [...lines.slice(0, planLines), `… ${lines.length - planLines} more lines`].join("\n")
        : lines.join("\n");
    });
  } finally {
    await database.close();
  }
}

function recordLoad(recorder: Recorder, name: string, result: LoadResult, p99?: Target) {
  recorder.add("crm", `${name} · req/s`, result.requestsPerSecond, "req/s");
  recorder.add("crm", `${name} · p50`, result.p50Ms, "ms");
  recorder.add("crm", `${name} · p99`, result.p99Ms, "ms", p99);
  if (result.errors + result.non2xx > 0) {
    recorder.add("crm", `${name} · errors and non-2xx`, result.errors + result.non2xx, "count", {
      comparison: "below",
      value: 1,
    });
  }
  logProgress(
    `  ${name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
      `${result.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
}
