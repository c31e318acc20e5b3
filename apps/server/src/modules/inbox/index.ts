import type { Actor } from "../../platform/actor.ts";
import type { AppContext, Module } from "../../platform/module.ts";
import { registerCannedReplyRoutes } from "./canned-replies/routes.ts";
import { createCannedReplyService } from "./canned-replies/service.ts";
import { createChannelJobs } from "./channels/jobs.ts";
import { registerChannelRoutes } from "./channels/routes.ts";
import { createSandboxNumbers } from "./channels/sandbox-numbers.ts";
import { createChannelService } from "./channels/service.ts";
import { createConversationJobs } from "./conversations/jobs.ts";
import { registerConversationRoutes } from "./conversations/routes.ts";
import { createConversationService } from "./conversations/service.ts";
import type { InboxCrm } from "./crm-port.ts";
import { createMediaJobs } from "./media/jobs.ts";
import { registerMediaRoutes } from "./media/routes.ts";
import { createMediaService } from "./media/service.ts";
import { registerMessageRoutes } from "./messages/routes.ts";
import { createSendJobs } from "./messages/send-job.ts";
import { createSendRateLimiter } from "./messages/send-rate.ts";
import { createMessageService } from "./messages/service.ts";
import { createTemplateModulePart } from "./templates/index.ts";
import { createInboundDrain } from "./webhooks/drain.ts";
import { createWhatsAppIngest } from "./webhooks/ingest.ts";
import { registerWebhookRoutes } from "./webhooks/routes.ts";

const demoCannedReplies = [
  { shortcut: "hello", body: "Hello {{contact.first_name}}, thanks for your message! How can we help?" },
  {
    shortcut: "shipping",
    body: "Orders leave our warehouse within 24 hours; you get a tracking link by email.",
  },
];

/** The WhatsApp team inbox: numbers, webhooks, conversations, messages, media. */
export function createInboxModule(
  context: AppContext,
  deps: { crm: InboxCrm; checkMembers: (actor: Actor, userIds: string[]) => Promise<Set<string>> },
) {
  const db = context.database.db;
  const { secrets, storage, logger } = context;
  const ingest = createWhatsAppIngest({ db, secrets, logger });
  const channels = createChannelService({ db, secrets, onChanged: ingest.forgetChannel });
  const conversations = createConversationService({ db, crm: deps.crm, checkMembers: deps.checkMembers });
  const messages = createMessageService({ db, checkMembers: deps.checkMembers });
  const media = createMediaService({ db, storage });
  const drain = createInboundDrain({ database: context.database, crm: deps.crm, logger });
  const sandbox = createSandboxNumbers({ db, secrets, channels, logger });
  const conversationJobs = createConversationJobs({ db, secrets });
  const templates = createTemplateModulePart({ db, secrets });
  const cannedReplies = createCannedReplyService({ db, crm: deps.crm });
  const module: Module = {
    name: "inbox",
    registerRoutes: (app) => {
      registerChannelRoutes(app, channels);
      registerWebhookRoutes(app, ingest);
      registerConversationRoutes(app, conversations);
      registerMessageRoutes(app, messages);
      registerMediaRoutes(app, media);
      templates.registerRoutes(app);
      registerCannedReplyRoutes(app, cannedReplies);
    },
    jobs: [
      ...createChannelJobs({ db, secrets }),
      ...createMediaJobs({ db, secrets, storage }),
      ...createSendJobs({ db, secrets, storage, limiter: createSendRateLimiter() }),
      ...conversationJobs.jobs,
      ...templates.jobs,
    ],
    schedules: [...conversationJobs.schedules, ...templates.schedules],
    consumers: [drain.consumer],
    // The address is corrected at each start, when the sandbox numbers are registered.
    seedDemo: async (tenant) => {
      if (context.config.sandbox !== "off")
        await sandbox.seedDemoNumber(tenant, `http://127.0.0.1:${context.config.port}/sandbox`);
      for (const reply of demoCannedReplies) await cannedReplies.createCannedReply(tenant.actor, reply);
    },
  };
  /** Applies every stored webhook delivery now, in this process (tests and tools). */
  const drainDeliveries = drain.drainAll;
  return { module, channels, conversations, messages, drainDeliveries, sandbox };
}
