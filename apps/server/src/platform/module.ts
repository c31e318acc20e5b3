import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Actor } from "./actor.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { Consumer } from "./drain-loop.ts";
import type { Authenticator } from "./http/auth.ts";
import type { RateLimitStore } from "./http/rate-limit.ts";
import type { JobRegistration, JobSchedule } from "./queue/definitions.ts";
import type { SecretBox } from "./secret-box.ts";
import type { ObjectStore } from "./storage.ts";

export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module is built from: plain dependencies, no container. */
export type AppContext = {
  config: Config;
  database: Database;
  logger: Logger;
  /** Shared by every rate limit of this process. */
  rateLimits: RateLimitStore;
  secrets: SecretBox;
  /** Files: media of conversations, attachments. */
  storage: ObjectStore;
};

/** The demo organisation that `seed --demo` fills, module by module. */
export type DemoTenant = { tenantId: string; actor: Actor };

/** A capability's surface, as `app.ts` and the worker see it. */
export type Module = {
  name: string;
  registerRoutes?: (app: ZodApp) => void;
  authenticators?: Authenticator[];
  jobs?: JobRegistration[];
  schedules?: JobSchedule[];
  /** Background consumers worker processes run besides jobs (tables that are their own queue). */
  consumers?: Consumer[];
  /** Adds this module's demo data to a freshly created demo organisation. */
  seedDemo?: (tenant: DemoTenant) => Promise<void>;
};
