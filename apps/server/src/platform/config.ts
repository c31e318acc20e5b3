import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .url()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  SBOS_DATA_DIR: z.string().min(1).default("./.sbos-data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CORS_ORIGINS: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  SECRET_KEYS: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Social Business OS <no-reply@localhost>"),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_ORGANIZATION_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  RATE_LIMIT_AUTH_PER_IP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
});

const s3Variables = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: string | undefined;
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  bodyLimitBytes: number;
  corsOrigins: string[];
  shutdownTimeoutMs: number;
  workerConcurrency: number;
  sandbox: "auto" | "on" | "off";
  sandboxPort: number;
  webDistDir: string;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  /** `id:base64key,…`; the first seals. Unset outside production: a key in the data folder. */
  secretKeys: string | undefined;
  /** Optional: shares rate-limit counts between processes. Nothing else needs Redis. */
  redisUrl: string | undefined;
  mailFrom: string;
  /** 0 switches an API limit off. Auth limits count per 5 minutes (IP) and 15 minutes (account). */
  rateLimits: {
    apiKeyPerMinute: number;
    organizationPerMinute: number;
    authPerIp: number;
    signInFailuresPerAccount: number;
  };
  /** Where files live: a folder of the data directory, or a bucket of an S3-compatible service. */
  storage:
    | { kind: "local"; root: string }
    | {
        kind: "s3";
        endpoint: string;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
};

const fixes: Record<string, string> = {
  DATABASE_URL:
    "set it to a PostgreSQL URL such as postgres://user@127.0.0.1:5432/sbos, or unset it to use the embedded database",
  PORT: "use a number between 0 and 65535",
  SANDBOX_PORT: "use a number between 0 and 65535",
  NODE_ENV: "use development, production or test",
  PUBLIC_URL: "use the full URL people open, such as https://crm.example.com",
  SMTP_URL: "use smtp://user:password@host:587 or smtps://…, or unset it to use the dev mailbox",
  STORAGE: "use local (files in SBOS_DATA_DIR/files) or s3",
  S3_ENDPOINT: "use the service's URL, such as https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

const invalidConfiguration = (lines: string[]) =>
  new ConfigError(`Invalid configuration (see docs/configuration.md):\n${lines.join("\n")}`);

type EnvironmentValues = z.infer<typeof environmentSchema>;

function readStorage(values: EnvironmentValues, dataDir: string): Config["storage"] {
  if (values.STORAGE === "local") return { kind: "local", root: path.join(dataDir, "files") };
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId } = values;
  const secretAccessKey = values.S3_SECRET_ACCESS_KEY;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    const missing = s3Variables.filter((name) => values[name] === undefined);
    throw invalidConfiguration(
      missing.map((name) => `  ${name} is required when STORAGE=s3 (fix: set it, or use STORAGE=local)`),
    );
  }
  return {
    kind: "s3",
    endpoint,
    region: values.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: values.S3_FORCE_PATH_STYLE,
  };
}

/** Parses and validates the environment once; a bad value stops start-up with its name and the fix. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ""));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw invalidConfiguration(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const fix = fixes[name] ? ` (fix: ${fixes[name]})` : "";
        return `  ${name}=${JSON.stringify(environment[name] ?? "")}: ${issue.message}${fix}`;
      }),
    );
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production" && !values.SECRET_KEYS) {
    throw invalidConfiguration([
      "  SECRET_KEYS is required in production (fix: SECRET_KEYS=k1:$(openssl rand -base64 32))",
    ]);
  }
  const dataDir = path.resolve(values.SBOS_DATA_DIR);
  return {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    publicUrl: values.PUBLIC_URL,
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL, poolSize: values.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
    dataDir,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    corsOrigins: values.CORS_ORIGINS ? values.CORS_ORIGINS.split(",").map((origin) => origin.trim()) : [],
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: values.WORKER_CONCURRENCY,
    sandbox: values.SANDBOX,
    sandboxPort: values.SANDBOX_PORT,
    webDistDir: path.resolve(values.WEB_DIST_DIR ?? new URL("../../../web/dist", import.meta.url).pathname),
    trustProxy: values.TRUST_PROXY,
    smtpUrl: values.SMTP_URL,
    secretKeys: values.SECRET_KEYS,
    redisUrl: values.REDIS_URL,
    mailFrom: values.MAIL_FROM,
    rateLimits: {
      apiKeyPerMinute: values.RATE_LIMIT_API_KEY_PER_MINUTE,
      organizationPerMinute: values.RATE_LIMIT_ORGANIZATION_PER_MINUTE,
      authPerIp: values.RATE_LIMIT_AUTH_PER_IP,
      signInFailuresPerAccount: values.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT,
    },
    storage: readStorage(values, dataDir),
  };
}
