import type { SQL } from "drizzle-orm";
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db/client.ts";

export type ContactSummary = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  avatarUrl: string | null;
};

/** What the inbox needs of the CRM, inside its own transactions. */
export type InboxCrm = {
  findOrCreateByPhones(
    tx: Executor,
    actor: Actor,
    inputs: { phone: string; name: string; source: string }[],
  ): Promise<Map<string, { contactId: string; created: boolean }>>;
  summarizeContacts(tx: Executor, tenantId: string, ids: string[]): Promise<Map<string, ContactSummary>>;
  /** The summary of the contact a row names, as a correlated subquery of the inbox's own query. */
  contactSummaryQuery(outer: { tenantId: SQL; contactId: SQL }): SQL<ContactSummary | null>;
  /** A subquery of the ids of the contacts carrying a tag. */
  contactsWithTagQuery(tenantId: string, tagId: string): SQL;
  appendActivities(
    tx: Executor,
    tenantId: string,
    entries: {
      contactId: string;
      kind: string;
      summary: string;
      data?: Record<string, unknown>;
      actorId?: string | null;
      occurredAt?: Date;
    }[],
  ): Promise<void>;
  recordWhatsAppConsent(
    tx: Executor,
    tenantId: string,
    contactId: string,
    status: "opted_in" | "opted_out",
    evidence: string,
    occurredAt: Date,
  ): Promise<void>;
};
