import type { AppContext, Module } from "../../platform/module.ts";
import { createApiKeyAuthenticator } from "./api-key-auth.ts";
import { registerIdentityRoutes } from "./routes.ts";
import { createIdentityService } from "./service.ts";

export async function createIdentityModule(context: AppContext) {
  const service = createIdentityService({ db: context.database.db });
  const module: Module = {
    name: "identity",
    registerRoutes: (app) => registerIdentityRoutes(app, service),
    authenticators: [await createApiKeyAuthenticator(context.database)],
  };
  return { module, service };
}
