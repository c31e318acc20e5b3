import path from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createMemoryRateLimitStore, createRedisRateLimitStore } from "./http/rate-limit.ts";
import type { AppContext } from "./module.ts";
import { createSecretBox, loadSecretKeys } from "./secret-box.ts";
import { createLocalObjectStore } from "./storage.ts";

/** What every module of one process is built from. */
export function createAppContext(config: Config, database: Database, logger: Logger): AppContext {
  return {
    config,
    database,
    logger,
    rateLimits: config.redisUrl ? createRedisRateLimitStore(config.redisUrl) : createMemoryRateLimitStore(),
    secrets: createSecretBox(loadSecretKeys(config)),
    storage: createLocalObjectStore(path.join(config.dataDir, "files")),
  };
}
