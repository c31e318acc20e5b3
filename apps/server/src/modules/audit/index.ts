import type { AppContext, Module } from "../../platform/module.ts";
import { registerAuditRoutes } from "./routes.ts";
import { createAuditService } from "./service.ts";

/** Read side of the audit log that every module writes through `platform/audit.ts`. */
export function createAuditModule(context: AppContext): Module {
  const service = createAuditService({ db: context.database.db });
  return { name: "audit", registerRoutes: (app) => registerAuditRoutes(app, service) };
}
