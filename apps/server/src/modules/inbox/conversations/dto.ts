import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { conversationStatuses, messageDirections } from "../tables.ts";

export const conversationViews = ["all", "mine", "unassigned"] as const;

export const conversationQuery = pageQuery.extend({
  view: z.enum(conversationViews).default("all").describe("mine: assigned to me; unassigned; all"),
  status: z
    .enum([...conversationStatuses, "active"])
    .default("active")
    .describe("active (default) is every status but resolved"),
  channelId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  assigneeId: z.uuid().optional().describe("Assigned to this member (overrides view)"),
  unread: z.stringbool().optional().describe("Only conversations with unread messages"),
  tagId: z.uuid().optional().describe("Conversations of contacts carrying this CRM tag"),
  q: z
    .string()
    .trim()
    .min(3, "at least 3 characters")
    .max(100)
    .optional()
    .describe(
      "Words in the messages or notes, or digits of the customer's number; at most 1,000 matching conversations",
    ),
});

export const updateConversationBody = z
  .strictObject({
    status: z.enum(conversationStatuses).optional(),
    snoozedUntil: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("Required with status snoozed; in the future"),
    assigneeId: z.uuid().nullable().optional().describe("A member's user id, or null to unassign"),
  })
  .refine((body) => Object.keys(body).length > 0, "change at least one of status, snoozedUntil, assigneeId");

export const conversationSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    contact: z.object({
      id: z.uuid(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      avatarUrl: z.string().nullable(),
    }),
    customerWaId: z.string(),
    status: z.enum(conversationStatuses),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
    assigneeId: z.uuid().nullable(),
    unreadCount: z.number().int(),
    lastMessageAt: z.iso.datetime({ offset: true }),
    lastMessagePreview: z.string().nullable(),
    lastMessageDirection: z.enum(messageDirections).nullable(),
    window: z
      .object({
        open: z.boolean(),
        expiresAt: z.iso.datetime({ offset: true }).nullable(),
      })
      .describe(
        "WhatsApp's 24-hour customer-service window, from the customer's last message: free-form replies only while open",
      ),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Conversation" });

export const unreadCountsSchema = z
  .object({ all: z.number().int(), mine: z.number().int(), unassigned: z.number().int() })
  .meta({ id: "InboxUnreadCounts" });

export const conversationParams = z.strictObject({ id: z.uuid() });

export type ConversationQuery = z.infer<typeof conversationQuery>;
export type UpdateConversationInput = z.infer<typeof updateConversationBody>;
export type ConversationView = z.infer<typeof conversationSchema>;
