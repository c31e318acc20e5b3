import { z } from "zod";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { newId } from "../../../platform/ids.ts";
import { defineJob, handleJob, scheduleJob } from "../../../platform/queue/definitions.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { type ProviderTemplate, WhatsAppApiError } from "../../../providers/whatsapp-cloud/index.ts";
import { clientForChannel } from "../channels/provider-client.ts";
import * as channels from "../channels/repo.ts";
import * as repo from "./repo.ts";

export const syncTemplatesJob = defineJob({
  name: "inbox.templates.sync",
  payload: z.object({ tenantId: z.uuid(), channelId: z.uuid() }),
  timeoutMs: 5 * 60_000,
});

export const syncAllTemplatesJob = defineJob({ name: "inbox.templates.sync-all", payload: z.object({}) });

const pageSize = 100;
/** Rows per upsert statement: 13 parameters each stays far below PostgreSQL's 65,535. */
const upsertBatch = 500;

/** One sync per number at a time: a second request while one is queued or running is a no-op. */
export const enqueueTemplateSync = (tx: Executor, tenantId: string, channelId: string) =>
  enqueue(tx, syncTemplatesJob, { tenantId, channelId }, { singletonKey: channelId });

/** Every template of the number's account, page by page. */
async function fetchAccountTemplates(deps: { secrets: SecretBox }, channel: channels.ChannelRow) {
  const client = clientForChannel(deps.secrets, channel);
  const templates: ProviderTemplate[] = [];
  let after: string | undefined;
  do {
    const page = await client.listTemplates(channel.wabaId, { after, limit: pageSize });
    templates.push(...page.templates);
    after = page.nextCursor ?? undefined;
  } while (after);
  return templates;
}

/**
 * Makes the number's templates what the provider lists: each upserted by name and language, and
 * those no longer listed marked `DELETED` (kept, so past messages still name their template).
 */
export async function syncChannelTemplates(
  deps: { db: Db; secrets: SecretBox },
  tenantId: string,
  channelId: string,
) {
  const startedAt = new Date();
  const channel = await withTenant(deps.db, tenantId, (tx) => channels.findChannel(tx, tenantId, channelId));
  if (!channel) return;
  const listed = await fetchAccountTemplates(deps, channel);
  const rows = new Map(
    listed.map((template): [string, repo.TemplateInsert] => [
      `${template.name}\n${template.language}`,
      {
        tenantId,
        id: newId(),
        channelId,
        wabaId: channel.wabaId,
        providerTemplateId: template.id,
        name: template.name,
        language: template.language,
        category: template.category,
        status: template.status,
        rejectionReason:
          template.rejectedReason && template.rejectedReason !== "NONE" ? template.rejectedReason : null,
        qualityScore: template.qualityScore ?? null,
        components: template.components,
        syncedAt: startedAt,
      },
    ]),
  );
  const values = [...rows.values()];
  await withTenant(deps.db, tenantId, async (tx) => {
    for (let start = 0; start < values.length; start += upsertBatch) {
      await repo.upsertTemplates(tx, values.slice(start, start + upsertBatch));
    }
    await repo.markMissingTemplatesDeleted(tx, tenantId, channelId, startedAt);
    await publishEvent(tx, { type: "inbox.template.changed", tenantId, data: { channelId } });
  });
}

/**
 * The sync of one number, and a schedule every 6 hours that fans it out to every connected number
 * (read from the platform routing table, across organisations) so templates created or changed in
 * WhatsApp Manager appear without anyone asking.
 */
export function createTemplateJobs(deps: { db: Db; secrets: SecretBox }) {
  return {
    jobs: [
      handleJob(syncTemplatesJob, async ({ tenantId, channelId }, context) => {
        try {
          await syncChannelTemplates(deps, tenantId, channelId);
        } catch (error) {
          // A refusal (revoked token, unknown account) will not pass on retry; the next sync tries again.
          if (!(error instanceof WhatsAppApiError) || error.retryable) throw error;
          context.logger.warn({ err: error, tenantId, channelId }, "template sync refused by the provider");
        }
      }),
      handleJob(syncAllTemplatesJob, async () => {
        const routes = await channels.listAllRoutes(deps.db);
        await deps.db.transaction(async (tx) => {
          for (const route of routes) await enqueueTemplateSync(tx, route.tenantId, route.channelId);
        });
      }),
    ],
    schedules: [scheduleJob(syncAllTemplatesJob, "41 */6 * * *", {})],
  };
}
