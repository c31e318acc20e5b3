import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "./db/client.ts";
import { countJobsByStatus } from "./queue/admin.ts";

export type JobMetrics = ReturnType<typeof createJobMetrics>;
export type Metrics = ReturnType<typeof createMetrics>;

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createJobMetrics(registry: Registry) {
  return {
    completed: new Counter({
      name: "sbos_jobs_processed_total",
      help: "Jobs processed, by outcome (succeeded, retried, dead)",
      labelNames: ["name", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "sbos_job_duration_seconds",
      help: "Time a job handler ran",
      labelNames: ["name"],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    pickupLatency: new Histogram({
      name: "sbos_job_pickup_latency_seconds",
      help: "Time from a job being due to a worker starting it",
      labelNames: ["name"],
      buckets: latencyBuckets,
      registers: [registry],
    }),
  };
}

/** One Prometheus registry per process: HTTP latency, jobs, database pool and Node's own metrics. */
export function createMetrics(database: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pool = database.poolStats;
  new Gauge({
    name: "sbos_db_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = pool();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "sbos_jobs",
    help: "Jobs in the queue by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const counts = await countJobsByStatus(database.db);
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });
  return {
    registry,
    httpDuration: new Histogram({
      name: "sbos_http_request_duration_seconds",
      help: "HTTP request latency",
      labelNames: ["method", "route", "status"],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    jobs: createJobMetrics(registry),
  };
}
