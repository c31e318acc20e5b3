import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../../apps/server/src/platform/config.ts";
import { type Runtime, startRuntime } from "../../apps/server/src/runtime.ts";

/** Starts the whole app on a free port with its own temporary data folder and the demo organisation. */
export async function startTestRuntime(): Promise<Runtime> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    SBOS_DATA_DIR: await mkdtemp(path.join(tmpdir(), "sbos-e2e-")),
  });
  return startRuntime(config, pino({ level: "silent" }), { http: true, worker: true, seedDemo: true });
}
