import { createRequire } from "node:module";
import { runToCompletion } from "./children.ts";

const autocannonCli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** A fixed total request rate instead of as fast as possible. */
  requestsPerSecond?: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  total: number;
};

type AutocannonJson = {
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
};

/**
 * Drives load with autocannon's CLI in a child process, so the load generator does not share the
 * server's event loop (it still shares the machine's cores). The warm-up run is discarded.
 */
export async function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  if (new URL(options.url).hostname !== "127.0.0.1") throw new Error(`refusing to load ${options.url}`);
  if (options.warmupSeconds > 0) await runAutocannon(options, options.warmupSeconds);
  const result = await runAutocannon(options, options.durationSeconds);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

async function runAutocannon(options: LoadOptions, durationSeconds: number): Promise<AutocannonJson> {
  const args = [autocannonCli, "--json", "--no-progress"];
  args.push("--connections", String(options.connections), "--duration", String(durationSeconds));
  if (options.requestsPerSecond) args.push("--overallRate", String(options.requestsPerSecond));
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push("--headers", `${name}=${value}`);
  args.push(options.url);
  const stdout = await runToCompletion(process.execPath, args, (durationSeconds + 30) * 1000);
  return JSON.parse(stdout) as AutocannonJson;
}
