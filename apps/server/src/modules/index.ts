import type { AppContext, Module } from "../platform/module.ts";
import { createAuditModule } from "./audit/index.ts";
import { createCrmModule } from "./crm/index.ts";
import { createIdentityModule } from "./identity/index.ts";

/** Every capability, wired from plain dependencies. Later modules are added here. */
export async function createModules(context: AppContext) {
  const identity = await createIdentityModule(context);
  const crm = createCrmModule(context, { checkMembers: identity.members.findMemberIds });
  const modules: Module[] = [identity.module, createAuditModule(context), crm.module];
  return {
    modules,
    identity: identity.service,
    auth: identity.auth,
    members: identity.members,
    crm: crm.contacts,
  };
}

export type Modules = Awaited<ReturnType<typeof createModules>>;
