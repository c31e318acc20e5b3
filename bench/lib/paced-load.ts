import { Agent, request } from "node:http";
import type { LoadResult } from "./http-load.ts";
import { percentile, sleep } from "./stats.ts";

export type PacedLoadOptions = {
  baseUrl: string;
  /** Each request takes the next path in turn: varied terms, cursors, filters. */
  paths: string[];
  headers?: Record<string, string>;
  requestsPerSecond: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Requests in flight at most; a request due while all are busy waits, and its wait counts. */
  maxConnections?: number;
};

export type PacedLoadResult = LoadResult & { maxMs: number; p95Ms: number; serviceP99Ms: number };

const defaultMaxConnections = 50;
const requestTimeoutMs = 60_000;

/**
 * An open-loop load at a constant rate, as wrk2 drives it: request i is due at start + i / rate
 * whatever the earlier answers did, and its latency runs from when it was due, so a stall counts
 * for every request it delayed (no coordinated omission). autocannon's `overallRate` is not that:
 * each connection sends its share of a second back to back as the second starts, and its
 * correction records extra samples at 1 ms steps (`Math.ceil(1 / rate)`), which inflates p99.
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  if (new URL(options.baseUrl).hostname !== "127.0.0.1")
    throw new Error(`refusing to load ${options.baseUrl}`);
  if (options.paths.length === 0) throw new Error("no paths to load");
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxConnections ?? defaultMaxConnections });
  try {
    let next = 0;
    const nextPath = () => options.paths[next++ % options.paths.length] as string;
    if (options.warmupSeconds > 0) await runPaced(agent, options, options.warmupSeconds, nextPath);
    return await runPaced(agent, options, options.durationSeconds, nextPath);
  } finally {
    agent.destroy();
  }
}

type Outcome = { latencyMs: number; serviceMs: number; status: number | "error" };

async function runPaced(
  agent: Agent,
  options: PacedLoadOptions,
  durationSeconds: number,
  nextPath: () => string,
): Promise<PacedLoadResult> {
  const intervalMs = 1000 / options.requestsPerSecond;
  const total = Math.round(durationSeconds * options.requestsPerSecond);
  const started = performance.now();
  const inFlight: Promise<Outcome>[] = [];
  for (let index = 0; index < total; index++) {
    const dueAt = started + index * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(agent, options, nextPath(), dueAt));
  }
  const outcomes = await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const answered = outcomes.filter((outcome) => outcome.status !== "error");
  const latencies = answered.map((outcome) => outcome.latencyMs);
  const nothing = latencies.length === 0;
  return {
    requestsPerSecond: answered.length / elapsedSeconds,
    p50Ms: nothing ? Number.POSITIVE_INFINITY : percentile(latencies, 50),
    p95Ms: nothing ? Number.POSITIVE_INFINITY : percentile(latencies, 95),
    p99Ms: nothing ? Number.POSITIVE_INFINITY : percentile(latencies, 99),
    maxMs: nothing ? Number.POSITIVE_INFINITY : Math.max(...latencies),
    serviceP99Ms: nothing
      ? Number.POSITIVE_INFINITY
      : percentile(
          answered.map((outcome) => outcome.serviceMs),
          99,
        ),
    errors: outcomes.length - answered.length,
    non2xx: answered.filter((outcome) => typeof outcome.status === "number" && outcome.status >= 300).length,
    total: outcomes.length,
  };
}

/** One GET, its body read whole; `serviceMs` runs from when it was written, `latencyMs` from when it was due. */
function send(agent: Agent, options: PacedLoadOptions, path: string, dueAt: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let sentAt = performance.now();
    const outgoing = request(
      new URL(path, options.baseUrl),
      { agent, headers: options.headers, timeout: requestTimeoutMs },
      (response) => {
        response.resume();
        response.on("end", () => {
          const now = performance.now();
          resolve({ latencyMs: now - dueAt, serviceMs: now - sentAt, status: response.statusCode ?? 0 });
        });
        response.on("error", () => resolve({ latencyMs: 0, serviceMs: 0, status: "error" }));
      },
    );
    outgoing.on("socket", () => {
      sentAt = performance.now();
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
    outgoing.on("error", () => resolve({ latencyMs: 0, serviceMs: 0, status: "error" }));
    outgoing.end();
  });
}
