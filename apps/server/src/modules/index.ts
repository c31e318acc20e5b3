import type { AppContext, Module } from "../platform/module.ts";
import { createAuditModule } from "./audit/index.ts";
import type { ContactLinkMover } from "./crm/contacts/merge.ts";
import type { PersonalDataEraser, PersonalDataSource } from "./crm/gdpr/registry.ts";
import { createCrmModule } from "./crm/index.ts";
import { createIdentityModule } from "./identity/index.ts";
import { createWhatsAppEraser, moveConversations, whatsappPersonalData } from "./inbox/contact-links.ts";
import { createInboxModule } from "./inbox/index.ts";

/** Every capability, wired from plain dependencies. Later modules are added here. */
export async function createModules(context: AppContext) {
  const identity = await createIdentityModule(context);
  const contactLinkMovers: ContactLinkMover[] = [moveConversations];
  const personalDataSources: PersonalDataSource[] = [whatsappPersonalData];
  const personalDataErasers: PersonalDataEraser[] = [createWhatsAppEraser(context.storage)];
  const crm = createCrmModule(context, {
    checkMembers: identity.members.findMemberIds,
    contactLinkMovers,
    personalDataSources,
    personalDataErasers,
  });
  const inbox = createInboxModule(context, { crm: crm.inbox, checkMembers: identity.members.findMemberIds });
  const modules: Module[] = [identity.module, createAuditModule(context), crm.module, inbox.module];
  return {
    modules,
    identity: identity.service,
    auth: identity.auth,
    members: identity.members,
    crm: crm.contacts,
    inbox,
  };
}

export type Modules = Awaited<ReturnType<typeof createModules>>;
