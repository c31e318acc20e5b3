import type { AppContext, Module } from "../../platform/module.ts";
import { registerCrmRoutes } from "./routes.ts";
import { createCrmService } from "./service.ts";

/** Contacts: the customer record the inbox, pipeline and campaigns hang on. */
export function createCrmModule(context: AppContext): Module {
  const service = createCrmService({ db: context.database.db });
  return { name: "crm", registerRoutes: (app) => registerCrmRoutes(app, service) };
}
