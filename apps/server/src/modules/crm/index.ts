import type { Executor } from "../../platform/db/client.ts";
import type { AppContext, Module } from "../../platform/module.ts";
import { createBulkJobs } from "./bulk/jobs.ts";
import { registerBulkRoutes } from "./bulk/routes.ts";
import { createBulkService } from "./bulk/service.ts";
import { registerCompanyRoutes } from "./companies/routes.ts";
import { createCompanyService } from "./companies/service.ts";
import type { ConsentStatus } from "./consent/dto.ts";
import { registerConsentRoutes } from "./consent/routes.ts";
import { createConsentService, recordConsent } from "./consent/service.ts";
import { type ContactLinkMover, createContactMerger } from "./contacts/merge.ts";
import type { MemberCheck } from "./contacts/prepare.ts";
import { registerContactRoutes } from "./contacts/routes.ts";
import { createSearchKeysJobs } from "./contacts/search-rebuild.ts";
import { createContactService } from "./contacts/service.ts";
import { contactSummaryQuery, summarizeContacts } from "./contacts/summaries.ts";
import { registerExportRoutes } from "./exports/routes.ts";
import { createExportService } from "./exports/service.ts";
import type { PersonalDataRegistry } from "./gdpr/registry.ts";
import { registerGdprRoutes } from "./gdpr/routes.ts";
import { createGdprService } from "./gdpr/service.ts";
import { createImportJobs } from "./imports/jobs.ts";
import { registerImportRoutes } from "./imports/routes.ts";
import { createImportService } from "./imports/service.ts";
import { registerNoteRoutes } from "./notes/routes.ts";
import { createNoteService } from "./notes/service.ts";
import { createCrmDemoSeeder } from "./seed.ts";
import { registerSegmentRoutes } from "./segments/routes.ts";
import { createSegmentService } from "./segments/service.ts";
import { registerCrmSettingsRoutes } from "./settings/routes.ts";
import { createCrmSettingsService } from "./settings/service.ts";
import { contactsWithTagQuery } from "./tags/repo.ts";
import { registerTagRoutes } from "./tags/routes.ts";
import { createTagService } from "./tags/service.ts";
import { appendActivities } from "./timeline/activity.ts";
import { registerTimelineRoutes } from "./timeline/routes.ts";
import { createTimelineService } from "./timeline/service.ts";

/** The customer record the inbox, pipeline and campaigns hang on: contacts and everything around them. */
export function createCrmModule(
  context: AppContext,
  deps: { checkMembers: MemberCheck; contactLinkMovers?: ContactLinkMover[] } & PersonalDataRegistry,
) {
  const db = context.database.db;
  const contacts = createContactService({ db, checkMembers: deps.checkMembers });
  const merger = createContactMerger({ db, linkMovers: deps.contactLinkMovers ?? [] });
  const settings = createCrmSettingsService({ db });
  const companies = createCompanyService({ db });
  const tags = createTagService({ db });
  const notes = createNoteService({ db, checkMembers: deps.checkMembers });
  const timeline = createTimelineService({ db });
  const consent = createConsentService({ db });
  const segments = createSegmentService({ db });
  const contactExports = createExportService({ db });
  const bulk = createBulkService({ db, checkMembers: deps.checkMembers });
  const gdpr = createGdprService({ db, registry: deps });
  const contactImports = createImportService({ db });
  const module: Module = {
    name: "crm",
    registerRoutes: (app) => {
      registerContactRoutes(app, contacts, merger);
      registerCrmSettingsRoutes(app, settings);
      registerCompanyRoutes(app, companies);
      registerTagRoutes(app, tags);
      registerNoteRoutes(app, notes);
      registerTimelineRoutes(app, timeline);
      registerConsentRoutes(app, consent);
      registerSegmentRoutes(app, segments);
      registerExportRoutes(app, contactExports);
      registerBulkRoutes(app, bulk);
      registerGdprRoutes(app, gdpr);
      registerImportRoutes(app, contactImports);
    },
    seedDemo: createCrmDemoSeeder({ contacts, settings, companies, tags, notes, consent, segments }),
    jobs: [...createBulkJobs(bulk), ...createImportJobs({ db }), ...createSearchKeysJobs({ db })],
  };
  /** What the inbox uses inside its own transactions. */
  const inbox = {
    findOrCreateByPhones: contacts.findOrCreateByPhones,
    summarizeContacts,
    contactSummaryQuery,
    contactsWithTagQuery,
    appendActivities,
    recordWhatsAppConsent: async (
      tx: Executor,
      tenantId: string,
      contactId: string,
      status: ConsentStatus,
      evidence: string,
      occurredAt: Date,
    ) => {
      await recordConsent(
        tx,
        tenantId,
        null,
        contactId,
        "whatsapp",
        status,
        "inbound_keyword",
        evidence,
        occurredAt,
      );
    },
  };
  return { module, contacts, timeline: { appendActivities }, inbox };
}
