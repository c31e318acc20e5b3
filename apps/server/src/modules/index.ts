import type { AppContext, Module } from "../platform/module.ts";
import { createAuditModule } from "./audit/index.ts";
import { createCrmModule } from "./crm/index.ts";
import { createIdentityModule } from "./identity/index.ts";

/** Every capability, wired from plain dependencies. Later modules are added here. */
export async function createModules(context: AppContext) {
  const identity = await createIdentityModule(context);
  const modules: Module[] = [identity.module, createAuditModule(context), createCrmModule(context)];
  return { modules, identity: identity.service, auth: identity.auth };
}

export type Modules = Awaited<ReturnType<typeof createModules>>;
