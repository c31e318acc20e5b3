import { z } from "zod";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { defineJob, handleJob, scheduleJob } from "../../../platform/queue/definitions.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { clientForChannel } from "../channels/provider-client.ts";
import { findChannel, listTenantsWithNumbers } from "../channels/repo.ts";
import { latestInboundProviderId } from "../messages/repo.ts";
import { findConversation, wakeSnoozedConversations } from "./repo.ts";

export const wakeSnoozesJob = defineJob({
  name: "inbox.snoozes.wake",
  payload: z.object({}),
  maxAttempts: 2,
});
export const wakeTenantSnoozesJob = defineJob({
  name: "inbox.snoozes.wake-tenant",
  payload: z.object({ tenantId: z.uuid() }),
  maxAttempts: 2,
});
export const sendReadReceiptJob = defineJob({
  name: "inbox.conversation.read-receipt",
  payload: z.object({ tenantId: z.uuid(), conversationId: z.uuid() }),
  maxAttempts: 3,
  timeoutMs: 30_000,
});

/**
 * Every minute, snoozed conversations whose time has come reopen (one job per organisation with a
 * number); when an agent reads a conversation, the customer's last message is marked read at
 * WhatsApp (their blue ticks).
 */
export function createConversationJobs(deps: { db: Db; secrets: SecretBox }) {
  const { db } = deps;
  return {
    jobs: [
      handleJob(wakeSnoozesJob, async () => {
        const tenants = await listTenantsWithNumbers(db);
        await db.transaction(async (tx) => {
          for (const tenantId of tenants) {
            await enqueue(tx, wakeTenantSnoozesJob, { tenantId }, { singletonKey: tenantId });
          }
        });
      }),
      handleJob(wakeTenantSnoozesJob, async ({ tenantId }) => {
        await withTenant(db, tenantId, async (tx) => {
          for (const conversationId of await wakeSnoozedConversations(tx, tenantId)) {
            await publishEvent(tx, {
              type: "inbox.conversation.updated",
              tenantId,
              data: { conversationId, status: "open", assigneeId: null },
            });
          }
        });
      }),
      handleJob(sendReadReceiptJob, async ({ tenantId, conversationId }) => {
        const found = await withTenant(db, tenantId, async (tx) => {
          const conversation = await findConversation(tx, tenantId, conversationId);
          if (!conversation) return undefined;
          const channel = await findChannel(tx, tenantId, conversation.channelId);
          const providerId = await latestInboundProviderId(tx, tenantId, conversationId);
          return channel && providerId ? { channel, providerId } : undefined;
        });
        if (!found) return;
        await clientForChannel(deps.secrets, found.channel).markRead(
          found.channel.phoneNumberId,
          found.providerId,
        );
      }),
    ],
    schedules: [scheduleJob(wakeSnoozesJob, "* * * * *", {})],
  };
}
