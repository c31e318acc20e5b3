import type { Executor } from "../../platform/db/client.ts";
import type { ObjectStore } from "../../platform/storage.ts";
import {
  deleteConversationsOfContact,
  findConversationsOfContact,
  moveConversationsToContact,
} from "./conversations/repo.ts";
import { deleteMedia, listMessagesOfConversations } from "./messages/repo.ts";

/** A merge moves the merged contacts' conversations to the survivor. */
export const moveConversations = (tx: Executor, tenantId: string, fromIds: string[], toId: string) =>
  moveConversationsToContact(tx, tenantId, fromIds, toId);

/** The contact's WhatsApp conversations and messages, for its GDPR export. */
export const whatsappPersonalData = {
  name: "whatsapp",
  collect: async (tx: Executor, tenantId: string, contactId: string) => {
    const threads = await findConversationsOfContact(tx, tenantId, contactId);
    const messages = await listMessagesOfConversations(
      tx,
      tenantId,
      threads.map((thread) => thread.id),
    );
    return threads.map((thread) => ({
      id: thread.id,
      customerWaId: thread.customerWaId,
      status: thread.status,
      createdAt: thread.createdAt.toISOString(),
      messages: messages
        .filter((message) => message.conversationId === thread.id)
        .map((message) => ({
          direction: message.direction,
          kind: message.kind,
          type: message.type,
          body: message.body,
          occurredAt: message.occurredAt.toISOString(),
        })),
    }));
  },
};

/** Erasing a contact deletes its conversations, their messages and their files. */
export function createWhatsAppEraser(storage: ObjectStore) {
  return {
    name: "whatsapp",
    erase: async (tx: Executor, tenantId: string, contactId: string) => {
      const mediaIds = await deleteConversationsOfContact(tx, tenantId, contactId);
      const removed = await deleteMedia(tx, tenantId, mediaIds);
      for (const file of removed) if (file.storageKey) await storage.remove(file.storageKey);
    },
  };
}
