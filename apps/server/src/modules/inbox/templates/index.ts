import type { Db } from "../../../platform/db/client.ts";
import type { ZodApp } from "../../../platform/module.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { applyTemplateEvent } from "./apply-template-event.ts";
import { createTemplateJobs } from "./jobs.ts";
import { registerTemplateRoutes } from "./routes.ts";
import { createTemplateService, findTemplateForSend } from "./service.ts";

export { buildTemplateMessage, type TemplateMessage } from "./build-template-message.ts";
export { type SendTemplateInput, sendTemplateInput } from "./dto.ts";
export type { TemplateRow } from "./repo.ts";

/** The inbox's message templates, wired in one place: routes, sync jobs, and what sends and webhooks use. */
export function createTemplateModulePart(deps: { db: Db; secrets: SecretBox }) {
  const service = createTemplateService(deps);
  const { jobs, schedules } = createTemplateJobs(deps);
  return {
    registerRoutes: (app: ZodApp) => registerTemplateRoutes(app, service),
    jobs,
    schedules,
    applyTemplateEvent,
    findTemplateForSend,
  };
}
