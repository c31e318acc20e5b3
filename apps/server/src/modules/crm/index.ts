import type { AppContext, Module } from "../../platform/module.ts";
import { type ContactLinkMover, createContactMerger } from "./contacts/merge.ts";
import type { MemberCheck } from "./contacts/prepare.ts";
import { registerContactRoutes } from "./contacts/routes.ts";
import { createContactService } from "./contacts/service.ts";
import { registerCrmSettingsRoutes } from "./settings/routes.ts";
import { createCrmSettingsService } from "./settings/service.ts";

/** The customer record the inbox, pipeline and campaigns hang on: contacts and everything around them. */
export function createCrmModule(
  context: AppContext,
  deps: { checkMembers: MemberCheck; contactLinkMovers?: ContactLinkMover[] },
) {
  const db = context.database.db;
  const contacts = createContactService({ db, checkMembers: deps.checkMembers });
  const merger = createContactMerger({ db, linkMovers: deps.contactLinkMovers ?? [] });
  const settings = createCrmSettingsService({ db });
  const module: Module = {
    name: "crm",
    registerRoutes: (app) => {
      registerContactRoutes(app, contacts, merger);
      registerCrmSettingsRoutes(app, settings);
    },
  };
  return { module, contacts };
}
