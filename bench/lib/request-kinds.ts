import { loadavg } from "node:os";
import pg from "pg";
import type { BenchGroup, Recorder, Target } from "./figures.ts";
import type { LoadResult } from "./http-load.ts";
import { type PacedLoadResult, runPacedLoad } from "./paced-load.ts";
import { runPathLoad } from "./path-load.ts";
import { logProgress } from "./progress.ts";
import { percentile, waitUntil } from "./stats.ts";

/** Requests of one kind (search terms, filters, cursors…), each one a GET the API answers with a page. */
export type RequestKind<Request> = { name: string; requests: Request[] };

export type LoadShape = { connections: number; durationSeconds: number; warmupSeconds: number };
export type SteadyShape = { requestsPerSecond: number; durationSeconds: number; warmupSeconds: number };

export type RequestKindsOptions<Request> = {
  group: BenchGroup;
  /** Prefixes the figures of the machine's load average, e.g. "search and lists". */
  label: string;
  baseUrl: string;
  headers: Record<string, string>;
  databaseUrl: string;
  kinds: RequestKind<Request>[];
  pathOf(request: Request): string;
  /** The plan of one request as PostgreSQL runs it for the app, for a kind that missed its target. */
  explain(request: Request): Promise<string>;
  /**
   * An open-loop load at a constant rate (the p99 target applies there) and a closed-loop one at
   * saturation; crm's shapes by default.
   */
  steady?: SteadyShape;
  saturated?: LoadShape;
  p99Target?: Target;
};

const defaultSteady: SteadyShape = { durationSeconds: 20, warmupSeconds: 2, requestsPerSecond: 50 };
const defaultSaturated = { connections: 10, durationSeconds: 10, warmupSeconds: 2 };
const defaultP99Target: Target = { comparison: "below", value: 50 };
const planLines = 60;
const planLineLength = 400;
/** Requests of a kind timed one at a time (spread over the kind), before any load. */
const aloneSamples = 15;
const quietTimeoutMs = 120_000;

type Timed<Request> = { request: Request; ms: number; found: number };

/**
 * Every kind of list request through the real API: a few requests alone, then load at a steady
 * rate (the target applies there) and at saturation. A kind that misses the target gets the plan
 * of its slowest request in the notes.
 */
export async function measureRequestKinds<Request>(
  recorder: Recorder,
  options: RequestKindsOptions<Request>,
) {
  const { group, headers, baseUrl } = options;
  const steady = options.steady ?? defaultSteady;
  const saturated = options.saturated ?? defaultSaturated;
  const p99Target = options.p99Target ?? defaultP99Target;
  // Other work on the machine moves every latency here: the load around the runs says how much.
  recorder.add(group, `${options.label} · machine load average (1 min) before`, loadavg()[0] ?? 0, "ratio");
  for (const kind of options.kinds) {
    logProgress(`${group} · ${kind.name}: load average ${(loadavg()[0] ?? 0).toFixed(2)}`);
    const alone = await timeAlone(baseUrl, headers, kind.requests, options.pathOf);
    const times = alone.map((timed) => timed.ms);
    const slowest = alone.reduce((worst, timed) => (timed.ms > worst.ms ? timed : worst));
    recorder.add(
      group,
      `${kind.name} · one at a time, median of ${alone.length}`,
      percentile(times, 50),
      "ms",
    );
    recorder.add(group, `${kind.name} · one at a time, slowest of ${alone.length}`, slowest.ms, "ms");
    logProgress(
      `${group} · ${kind.name}: alone median ${percentile(times, 50).toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms; ` +
        `${alone.filter((timed) => timed.found > 0).length} of ${alone.length} find rows`,
    );

    const paths = kind.requests.map(options.pathOf);
    logProgress(
      `${group} · ${kind.name}: ${paths.length} distinct requests at ${steady.requestsPerSecond} req/s`,
    );
    const atRate = await runPacedLoad({ ...steady, baseUrl, paths, headers });
    recordLoad(recorder, group, `${kind.name} · ${steady.requestsPerSecond} req/s`, atRate, p99Target);
    await waitForQuiet(options.databaseUrl);
    logProgress(`${group} · ${kind.name}: saturation, ${saturated.connections} connections`);
    const flatOut = await runPathLoad({ ...saturated, baseUrl, paths, headers });
    recordLoad(recorder, group, `${kind.name} · saturation`, flatOut);
    await waitForQuiet(options.databaseUrl);

    if (!(atRate.p99Ms < p99Target.value) || atRate.errors + atRate.non2xx > 0) {
      const plan = await options.explain(slowest.request);
      const text = `${group} · "${kind.name}" missed p99 < ${p99Target.value} ms (${atRate.p99Ms} ms at ${steady.requestsPerSecond} req/s, ${atRate.errors} errors); its slowest sampled request, ${options.pathOf(slowest.request)} (${slowest.ms.toFixed(0)} ms alone), runs as:\n${plan}`;
      recorder.note(text);
      logProgress(text);
    }
  }
  recorder.add(group, `${options.label} · machine load average (1 min) after`, loadavg()[0] ?? 0, "ratio");
}

/** EXPLAIN output cut to a readable length (a list of a thousand ids is one line). */
export function trimPlan(lines: string[]): string {
  const cut = lines.map((line) =>
    line.length > planLineLength ? `${line.slice(0, planLineLength)}…` : line,
  );
  return cut.length > planLines
    ? [...cut.slice(0, planLines), `… ${cut.length - planLines} more lines`].join("\n")
    : cut.join("\n");
}

/** A sample of the kind's requests one at a time; a refused request (wrong key, bad filter) fails the run. */
async function timeAlone<Request>(
  baseUrl: string,
  headers: Record<string, string>,
  requests: Request[],
  pathOf: (request: Request) => string,
) {
  const step = Math.max(1, Math.ceil(requests.length / aloneSamples));
  const timed: Timed<Request>[] = [];
  for (const request of requests.filter((_, index) => index % step === 0)) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pathOf(request)}`, { headers });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) {
      throw new Error(`${pathOf(request)} answered ${response.status}: ${body.slice(0, 500)}`);
    }
    timed.push({ request, ms, found: (JSON.parse(body) as { data: unknown[] }).data.length });
  }
  return timed;
}

/**
 * Load that outran the server leaves queries running after the clients went away: the next run
 * must not start on a busy database.
 */
export async function waitForQuiet(databaseUrl: string) {
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

function recordLoad(
  recorder: Recorder,
  group: BenchGroup,
  name: string,
  result: LoadResult | PacedLoadResult,
  p99?: Target,
) {
  recorder.add(group, `${name} · req/s`, result.requestsPerSecond, "req/s");
  recorder.add(group, `${name} · p50`, result.p50Ms, "ms");
  if ("p95Ms" in result) recorder.add(group, `${name} · p95`, result.p95Ms, "ms");
  recorder.add(group, `${name} · p99`, result.p99Ms, "ms", p99);
  if ("maxMs" in result) recorder.add(group, `${name} · max`, result.maxMs, "ms");
  if (result.errors + result.non2xx > 0) {
    recorder.add(group, `${name} · errors and non-2xx`, result.errors + result.non2xx, "count", {
      comparison: "below",
      value: 1,
    });
  }
  logProgress(
    `  ${name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
      `${result.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
}
