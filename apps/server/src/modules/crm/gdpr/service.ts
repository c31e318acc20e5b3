import type { Actor } from "../../../platform/actor.ts";
import { eraseAuditDetails, recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { notFound } from "../../../platform/http/errors.ts";
import type { CompanyView } from "../companies/dto.ts";
import { findCompany } from "../companies/repo.ts";
import { findConsents, listConsentEvents } from "../consent/repo.ts";
import { presentContact } from "../contacts/present.ts";
import { deleteContacts, findContact } from "../contacts/repo.ts";
import { listNotes } from "../notes/repo.ts";
import { assertCrm } from "../policy.ts";
import { listActivities } from "../timeline/repo.ts";
import type { ContactPersonalData } from "./dto.ts";
import type { PersonalDataRegistry } from "./registry.ts";

export type GdprService = ReturnType<typeof createGdprService>;

const pageSize = 1_000;
/** Consent history is read in one query; no contact has this many changes. */
const allConsentEvents = 1_000_000;

/** Every row of a newest-first keyset listing, page by page. */
async function readAll<Row extends { id: string }>(page: (beforeId?: string) => Promise<Row[]>) {
  const all: Row[] = [];
  let beforeId: string | undefined;
  for (;;) {
    const rows = await page(beforeId);
    all.push(...rows);
    if (rows.length < pageSize) return all;
    beforeId = rows.at(-1)?.id;
  }
}

const iso = (date: Date) => date.toISOString();

async function collectCrmData(tx: Executor, tenantId: string, contactId: string) {
  // One after another: a transaction is one connection, and node-postgres runs one query at a time on it.
  const notes = await readAll((beforeId) =>
    listNotes(tx, tenantId, contactId, { beforeId, limit: pageSize }),
  );
  const consents = await findConsents(tx, tenantId, contactId);
  const consentEvents = await listConsentEvents(tx, tenantId, contactId, allConsentEvents);
  const activities = await readAll((beforeId) =>
    listActivities(tx, tenantId, contactId, { beforeId, limit: pageSize }),
  );
  return {
    notes: notes.map((note) => ({
      id: note.id,
      contactId: note.contactId,
      authorId: note.authorId,
      body: note.body,
      mentions: note.mentions,
      createdAt: iso(note.createdAt),
      updatedAt: iso(note.updatedAt),
    })),
    consent: {
      current: consents.map((consent) => ({
        channel: consent.channel,
        status: consent.status,
        method: consent.method,
        evidence: consent.evidence,
        changedAt: iso(consent.changedAt),
      })),
      history: consentEvents.map((event) => ({
        id: event.id,
        channel: event.channel,
        status: event.status,
        method: event.method,
        evidence: event.evidence,
        actorId: event.actorId,
        occurredAt: iso(event.occurredAt),
      })),
    },
    timeline: activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      summary: activity.summary,
      data: activity.data,
      actorId: activity.actorId,
      occurredAt: iso(activity.occurredAt),
    })),
  };
}

/** A data subject's rights over one contact: a copy of everything held about them, and erasure. */
export function createGdprService(deps: { db: Db; registry: PersonalDataRegistry }) {
  const { db, registry } = deps;

  return {
    /**
     * Everything the organisation holds about one contact, as one JSON document: the contact, its
     * tags and company, notes, consent with its history, timeline, and what other modules register.
     */
    exportPersonalData: (actor: Actor, contactId: string): Promise<ContactPersonalData> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await findContact(tx, actor.tenantId, contactId);
        if (!row) throw notFound("The contact");
        const company = row.companyId ? await findCompany(tx, actor.tenantId, row.companyId) : undefined;
        const other: Record<string, unknown> = {};
        for (const source of registry.personalDataSources ?? []) {
          other[source.name] = await source.collect(tx, actor.tenantId, contactId);
        }
        await recordAudit(tx, actor, {
          action: "contact.gdpr_export",
          targetType: "contact",
          targetId: contactId,
        });
        return {
          exportedAt: new Date().toISOString(),
          contact: await presentContact(tx, actor.tenantId, row),
          company: company
            ? {
                id: company.id,
                name: company.name,
                domain: company.domain,
                industry: company.industry,
                size: company.size as CompanyView["size"],
                createdAt: iso(company.createdAt),
                updatedAt: iso(company.updatedAt),
              }
            : null,
          ...(await collectCrmData(tx, actor.tenantId, contactId)),
          other,
        };
      }),

    /**
     * Erases a contact for good (owners and admins): every registered eraser scrubs its module's
     * data, then the contact goes with its notes, tag links, consents and timeline (foreign keys
     * cascade), all in one transaction.
     */
    eraseContact: async (actor: Actor, contactId: string) => {
      assertCrm(actor, "contacts.erase");
      await withTenant(db, actor.tenantId, async (tx) => {
        if (!(await findContact(tx, actor.tenantId, contactId))) throw notFound("The contact");
        for (const eraser of registry.personalDataErasers ?? []) {
          await eraser.erase(tx, actor.tenantId, contactId);
        }
        await deleteContacts(tx, actor.tenantId, [contactId]);
        // The audit log keeps the facts, not the data: earlier entries lose their values, and this
        // one records the erasure with the id only.
        await eraseAuditDetails(tx, "contact", contactId);
        await recordAudit(tx, actor, { action: "contact.erase", targetType: "contact", targetId: contactId });
        await publishEvent(tx, {
          type: "crm.contact.erased",
          tenantId: actor.tenantId,
          data: { contactId },
        });
      });
    },
  };
}
