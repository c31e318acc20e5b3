import { createRequire } from "node:module";
import type { LoadResult } from "./http-load.ts";

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string> };
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  overallRate?: number;
  headers?: Record<string, string>;
  requests?: { setupRequest?: (request: AutocannonRequest) => AutocannonRequest }[];
};
type AutocannonResult = {
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
};

/** Slow answers are measured, not cut off at autocannon's 10 s default. */
const timeoutSeconds = 60;

const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

export type PathLoadOptions = {
  baseUrl: string;
  /** Each request takes the next path, round-robin across connections: varied terms, cursors, filters. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** A fixed total request rate instead of as fast as possible. */
  requestsPerSecond?: number;
};

/**
 * Load over many URLs of one kind with autocannon's API, in the bench process: the server under load
 * is a child process of its own here, so they do not share an event loop (they share the cores).
 * The warm-up run is discarded.
 */
export async function runPathLoad(options: PathLoadOptions): Promise<LoadResult & { maxMs: number }> {
  if (new URL(options.baseUrl).hostname !== "127.0.0.1")
    throw new Error(`refusing to load ${options.baseUrl}`);
  if (options.paths.length === 0) throw new Error("no paths to load");
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration,
      timeout: timeoutSeconds,
      headers: options.headers,
      ...(options.requestsPerSecond ? { overallRate: options.requestsPerSecond } : {}),
      requests: [
        {
          setupRequest: (request) => {
            request.path = options.paths[next++ % options.paths.length];
            return request;
          },
        },
      ],
    });
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const result = await run(options.durationSeconds);
  // Nothing answered within the run: no latency to report, and certainly not 0 ms.
  const answered = result.requests.total > 0;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: answered ? result.latency.p50 : Number.POSITIVE_INFINITY,
    p99Ms: answered ? result.latency.p99 : Number.POSITIVE_INFINITY,
    maxMs: answered ? result.latency.max : Number.POSITIVE_INFINITY,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
