import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";

/** JSON logs to stdout; secrets in headers are redacted before they are written. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-api-key"]'],
  });
}
