import type { Runtime } from "../apps/server/src/runtime.ts";
import { startBareServer } from "./lib/bare-server.ts";
import { type DatabaseTarget, startHttpRuntime } from "./lib/bench-runtime.ts";
import { createBenchDatabase } from "./lib/databases.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import { type LoadResult, runHttpLoad } from "./lib/http-load.ts";
import { logProgress } from "./lib/progress.ts";
import { createTempDir } from "./lib/temp-dirs.ts";

const load = { connections: 50, durationSeconds: 10, warmupSeconds: 2 };
const stackP99Target: Target = { comparison: "below", value: 25 };
const stackToBareTarget: Target = { comparison: "at-least", value: 0.5 };
const fixedRate = { connections: 10, durationSeconds: 10, warmupSeconds: 2, requestsPerSecond: 500 };
const fixedRateP99Target: Target = { comparison: "below", value: 10 };

/** Full runtime under load on PGlite and PostgreSQL, plus a bare Fastify + pg baseline on PostgreSQL. */
export async function runHttpGroup(recorder: Recorder) {
  recorder.note(
    `http: autocannon (${load.connections} connections, ${load.durationSeconds} s after a ${load.warmupSeconds} s warm-up) runs in a child process, on the same cores as the server and the database`,
  );
  await recorder.section("http · pglite", async () => {
    const dataDir = await createTempDir("http-pglite");
    try {
      await measureStack(recorder, "pglite", { kind: "pglite" }, dataDir.path);
    } finally {
      await dataDir.remove();
    }
  });
  await recorder.section("http · postgres", async () => {
    const database = await createBenchDatabase();
    const dataDir = await createTempDir("http-postgres");
    try {
      await measureStack(recorder, "postgres", { kind: "postgres", url: database.url }, dataDir.path);
    } finally {
      await dataDir.remove();
      await database.drop();
    }
  });
}

async function measureStack(recorder: Recorder, label: string, target: DatabaseTarget, dataDir: string) {
  logProgress(`http · ${label}: starting the runtime`);
  const runtime = await startHttpRuntime(target, dataDir);
  try {
    const { baseUrl, headers, organizationId } = await checkRuntime(runtime);

    logProgress(`http · ${label}: GET /readyz`);
    const readyz = await runHttpLoad({ ...load, url: `${baseUrl}/readyz` });
    recordLoad(recorder, `${label} · GET /readyz`, readyz);

    logProgress(`http · ${label}: GET /api/v1/me`);
    const me = await runHttpLoad({ ...load, url: `${baseUrl}/api/v1/me`, headers });
    recordLoad(
      recorder,
      `${label} · GET /api/v1/me`,
      me,
      target.kind === "postgres" ? stackP99Target : undefined,
    );

    logProgress(`http · ${label}: GET /api/v1/me at a fixed 500 req/s`);
    const steady = await runHttpLoad({ ...fixedRate, url: `${baseUrl}/api/v1/me`, headers });
    recordLoad(
      recorder,
      `${label} · GET /api/v1/me at 500 req/s`,
      steady,
      target.kind === "postgres" ? fixedRateP99Target : undefined,
    );

    if (target.kind !== "postgres") return;
    logProgress(`http · ${label}: bare Fastify + pg baseline`);
    const bare = await startBareServer(target.url, organizationId);
    try {
      const baseline = await runHttpLoad({ ...load, url: `${bare.url}/me` });
      recordLoad(recorder, `${label} · bare Fastify + pg`, baseline);
      recorder.add(
        "http",
        `${label} · /api/v1/me ÷ bare req/s`,
        me.requestsPerSecond / baseline.requestsPerSecond,
        "ratio",
        stackToBareTarget,
      );
    } finally {
      await bare.close();
    }
  } finally {
    await runtime.shutdown();
  }
}

/** One request of each kind first: a misconfigured run must fail loudly, not bench 401s. */
async function checkRuntime(runtime: Runtime) {
  if (!runtime.url || !runtime.demo) throw new Error("the runtime has no HTTP server or no demo API key");
  const baseUrl = runtime.url.replace("://localhost", "://127.0.0.1");
  const headers = { authorization: `Bearer ${runtime.demo.apiKey}` };
  const ready = await fetch(`${baseUrl}/readyz`);
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers });
  if (me.status !== 200) throw new Error(`/api/v1/me answered ${me.status}: ${await me.text()}`);
  const body = (await me.json()) as { organization: { id: string } };
  return { baseUrl, headers, organizationId: body.organization.id };
}

function recordLoad(recorder: Recorder, name: string, result: LoadResult, p99Target?: Target) {
  recorder.add("http", `${name} · req/s`, result.requestsPerSecond, "req/s");
  recorder.add("http", `${name} · p50`, result.p50Ms, "ms");
  recorder.add("http", `${name} · p99`, result.p99Ms, "ms", p99Target);
  recorder.add("http", `${name} · errors`, result.errors, "count");
  recorder.add("http", `${name} · non-2xx`, result.non2xx, "count");
  logProgress(
    `  ${name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
      `${result.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
}
