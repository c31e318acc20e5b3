import { loadConfig } from "../../apps/server/src/platform/config.ts";
import { createLogger } from "../../apps/server/src/platform/logger.ts";
import { type Runtime, startRuntime } from "../../apps/server/src/runtime.ts";

export type DatabaseTarget = { kind: "pglite" } | { kind: "postgres"; url: string };

/**
 * The full product runtime, in-process, as `sbos serve` would run it plus the demo seed. The
 * environment is built from scratch so a DATABASE_URL in the caller's shell cannot leak in.
 */
export async function startHttpRuntime(target: DatabaseTarget, dataDir: string): Promise<Runtime> {
  const environment: NodeJS.ProcessEnv = {
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    SBOS_DATA_DIR: dataDir,
    DATABASE_POOL_SIZE: "20",
    // The load generator is one client far above any per-key limit: measure the stack, not the limiter.
    RATE_LIMIT_API_KEY_PER_MINUTE: "0",
    RATE_LIMIT_ORGANIZATION_PER_MINUTE: "0",
    ...(target.kind === "postgres" ? { DATABASE_URL: target.url } : {}),
  };
  const config = loadConfig(environment);
  return startRuntime(config, createLogger(config), { http: true, worker: false, seedDemo: true });
}
