import { fileURLToPath } from "node:url";
import { spawnTracked, stopChild, type TrackedChild } from "./lib/children.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import { findFreePort } from "./lib/free-port.ts";
import { logProgress } from "./lib/progress.ts";
import { sleep } from "./lib/stats.ts";
import { createTempDir } from "./lib/temp-dirs.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const readyTimeoutMs = 90_000;
const probeIntervalMs = 25;
const secondStartTarget: Target = { comparison: "below", value: 5 };

/** `sbos start` as a person runs it: spawn to `/readyz` 200, on a new and on an existing data folder. */
export async function runStartupGroup(recorder: Recorder) {
  await recorder.section("startup · sbos start (pglite)", async () => {
    const dataDir = await createTempDir("startup");
    try {
      for (const run of ["first", "second"] as const) {
        logProgress(`startup: ${run} start`);
        const timing = await timeStart(dataDir.path);
        if (timing.exit.code !== 0)
          recorder.note(`startup: ${run} start exited with ${timing.exit.code ?? timing.exit.signal}`);
        recorder.add(
          "startup",
          run === "first"
            ? "first start (creates the database), spawn → /readyz 200"
            : "second start (reuses it), spawn → /readyz 200",
          timing.readySeconds,
          "s",
          run === "second" ? secondStartTarget : undefined,
        );
        recorder.add("startup", `${run} start · SIGTERM → exit`, timing.shutdownSeconds, "s");
        logProgress(
          `  startup: ready after ${timing.readySeconds.toFixed(2)} s, stopped in ${timing.shutdownSeconds.toFixed(2)} s`,
        );
      }
    } finally {
      await dataDir.remove();
    }
  });
}

async function timeStart(dataDir: string) {
  const port = await findFreePort();
  const environment = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: "127.0.0.1",
    PORT: String(port),
    SBOS_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  const started = performance.now();
  const child = spawnTracked(process.execPath, ["--import", "tsx", "apps/server/src/main.ts", "start"], {
    cwd: repoRoot,
    env: environment,
  });
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`, child);
    const readySeconds = (performance.now() - started) / 1000;
    const shutdownSeconds = (await stopChild(child)) / 1000;
    return { readySeconds, shutdownSeconds, exit: await child.exited };
  } finally {
    await stopChild(child, 2_000);
  }
}

async function waitForReady(url: string, child: TrackedChild) {
  const deadline = performance.now() + readyTimeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`sbos start exited before it was ready:\n${child.output().slice(-2000)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(probeIntervalMs);
  }
  throw new Error(`sbos start was not ready within ${readyTimeoutMs} ms:\n${child.output().slice(-2000)}`);
}
