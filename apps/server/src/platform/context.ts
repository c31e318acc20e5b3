import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createMemoryRateLimitStore, createRedisRateLimitStore } from "./http/rate-limit.ts";
import type { AppContext } from "./module.ts";
import { createS3ObjectStore } from "./s3-object-store.ts";
import { createSecretBox, loadSecretKeys } from "./secret-box.ts";
import { createLocalObjectStore, type ObjectStore } from "./storage.ts";

function createObjectStore(storage: Config["storage"]): ObjectStore {
  return storage.kind === "s3" ? createS3ObjectStore(storage) : createLocalObjectStore(storage.root);
}

/** What every module of one process is built from. */
export function createAppContext(config: Config, database: Database, logger: Logger): AppContext {
  return {
    config,
    database,
    logger,
    rateLimits: config.redisUrl ? createRedisRateLimitStore(config.redisUrl) : createMemoryRateLimitStore(),
    secrets: createSecretBox(loadSecretKeys(config)),
    storage: createObjectStore(config.storage),
  };
}
