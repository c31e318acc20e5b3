import type { Executor } from "../../../platform/db/client.ts";
import { publishEvent } from "../../../platform/events.ts";
import type { TemplateQualityEvent, TemplateStatusEvent } from "../../../providers/whatsapp-cloud/index.ts";
import * as channels from "../channels/repo.ts";
import { enqueueTemplateSync } from "./jobs.ts";
import * as repo from "./repo.ts";

/**
 * Events that say something about the template without changing whether it can be sent (FLAGGED:
 * at risk; LOCKED: not editable; LIMIT_EXCEEDED: the account is full) or whose resulting status
 * the event does not tell (UNARCHIVED): the next sync reads the status.
 */
const eventsKeepingStatus = new Set(["FLAGGED", "LOCKED", "UNLOCKED", "LIMIT_EXCEEDED", "UNARCHIVED"]);

function readStatusChanges(event: TemplateStatusEvent): repo.TemplateChanges | null {
  const status = event.event.toUpperCase();
  if (eventsKeepingStatus.has(status)) return null;
  const reason =
    event.rejectionInfo?.reason ?? (event.reason && event.reason !== "NONE" ? event.reason : null);
  return {
    status: status === "REINSTATED" ? "APPROVED" : status,
    rejectionReason: status === "REJECTED" ? reason : null,
    ...(event.category ? { category: event.category } : {}),
  };
}

/**
 * Applies a template webhook (status or quality) inside the caller's tenant transaction: to the
 * account's templates by the provider's id, else by name and language (a template created
 * elsewhere and synced before Meta gave it an id here). A template this organisation has never
 * synced gets a sync of the account's numbers instead. Answers the templates changed.
 */
export async function applyTemplateEvent(
  tx: Executor,
  tenantId: string,
  event: TemplateStatusEvent | TemplateQualityEvent,
): Promise<repo.TemplateRow[]> {
  const changes =
    event.kind === "template_status" ? readStatusChanges(event) : { qualityScore: event.newScore };
  if (!changes) return [];
  let rows = await repo.updateAccountTemplates(
    tx,
    tenantId,
    event.wabaId,
    { providerTemplateId: event.templateId },
    changes,
  );
  if (rows.length === 0) {
    rows = await repo.updateAccountTemplates(
      tx,
      tenantId,
      event.wabaId,
      // Meta's reference shows `en-US` here where templates say `en_US`.
      { name: event.name, language: event.language.replace("-", "_") },
      { ...changes, providerTemplateId: event.templateId },
    );
  }
  if (rows.length === 0) {
    for (const channel of await channels.listChannels(tx, tenantId)) {
      if (channel.wabaId === event.wabaId) await enqueueTemplateSync(tx, tenantId, channel.id);
    }
  }
  for (const row of rows) {
    await publishEvent(tx, {
      type: "inbox.template.changed",
      tenantId,
      data: { templateId: row.id, channelId: row.channelId, status: row.status },
    });
  }
  return rows;
}
