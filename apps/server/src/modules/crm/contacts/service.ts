import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { notFound } from "../../../platform/http/errors.ts";
import { decodeSortCursor, encodeSortCursor, type Page } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { resolveSort } from "../filter/sort.ts";
import { assertCrm } from "../policy.ts";
import { findSettings } from "../settings/repo.ts";
import { appendActivities } from "../timeline/activity.ts";
import type {
  ContactQuery,
  ContactSelection,
  ContactView,
  CreateContactInput,
  UpdateContactInput,
} from "./dto.ts";
import { normalisePhone } from "./phone.ts";
import { type MemberCheck, prepareContactChanges } from "./prepare.ts";
import { presentContact, toContactView } from "./present.ts";
import * as repo from "./repo.ts";
import { contactSearchKeys } from "./search-keys.ts";
import { loadVocabulary, selectionCondition } from "./selection.ts";

export type ContactService = ReturnType<typeof createContactService>;

/** What an audit entry keeps of a contact: the fields a person edits, never the whole record. */
const auditedFields = (row: repo.ContactRow) => ({
  name: row.name,
  email: row.email,
  phone: row.phone,
  otherEmails: row.otherEmails,
  otherPhones: row.otherPhones,
  companyId: row.companyId,
  ownerId: row.ownerId,
  lifecycleStage: row.lifecycleStage,
  source: row.source,
  language: row.language,
  timezone: row.timezone,
  avatarUrl: row.avatarUrl,
  customFields: row.customFields,
});

export function createContactService(deps: { db: Db; checkMembers: MemberCheck }) {
  const { db, checkMembers } = deps;

  async function insertPrepared(tx: Executor, actor: Actor, input: CreateContactInput, trustedPhone = false) {
    const settings = await findSettings(tx, actor.tenantId);
    const changes = await prepareContactChanges(tx, actor, input, {
      defaultCountry: settings?.defaultCountry ?? null,
      checkMembers,
      trustedPhone,
    });
    const base = { name: input.name, email: null, phone: null, otherEmails: [], otherPhones: [], ...changes };
    const [row] = await repo.insertContacts(tx, [
      { ...base, tenantId: actor.tenantId, id: newId(), ...contactSearchKeys(base) },
    ]);
    const created = row as repo.ContactRow;
    await recordAudit(tx, actor, {
      action: "contact.create",
      targetType: "contact",
      targetId: created.id,
      after: auditedFields(created),
    });
    await appendActivities(tx, actor.tenantId, [
      {
        contactId: created.id,
        kind: "contact.created",
        summary: "Contact created",
        actorId: actor.userId ?? null,
      },
    ]);
    await publishEvent(tx, {
      type: "crm.contact.created",
      tenantId: actor.tenantId,
      data: { contactId: created.id },
    });
    return created;
  }

  async function applyChanges(
    tx: Executor,
    actor: Actor,
    before: repo.ContactRow,
    input: UpdateContactInput,
  ) {
    const settings = await findSettings(tx, actor.tenantId);
    const changes = await prepareContactChanges(tx, actor, input, {
      defaultCountry: settings?.defaultCountry ?? null,
      checkMembers,
      current: before,
    });
    const after =
      (await repo.updateContact(tx, actor.tenantId, before.id, {
        ...changes,
        ...contactSearchKeys({ ...before, ...changes }),
      })) ?? before;
    await recordAudit(tx, actor, {
      action: "contact.update",
      targetType: "contact",
      targetId: before.id,
      before: auditedFields(before),
      after: auditedFields(after),
    });
    if (after.lifecycleStage !== before.lifecycleStage) {
      await appendActivities(tx, actor.tenantId, [
        {
          contactId: after.id,
          kind: "contact.stage_changed",
          summary: `Lifecycle stage changed from ${before.lifecycleStage} to ${after.lifecycleStage}`,
          data: { from: before.lifecycleStage, to: after.lifecycleStage },
          actorId: actor.userId ?? null,
        },
      ]);
    }
    await publishEvent(tx, {
      type: "crm.contact.updated",
      tenantId: actor.tenantId,
      data: { contactId: after.id },
    });
    return after;
  }

  return {
    /** Creates a contact; phones in national format use the organisation's default country. */
    createContact: (actor: Actor, input: CreateContactInput): Promise<ContactView> =>
      withTenant(db, actor.tenantId, async (tx) =>
        presentContact(tx, actor.tenantId, await insertPrepared(tx, actor, input)),
      ),

    /**
     * Finds the contact by phone, then by email (primary or further ones), and updates it with the
     * given fields; creates it when there is none. What the inbox and imports use.
     */
    upsertContact: (actor: Actor, input: CreateContactInput) =>
      withTenant(db, actor.tenantId, async (tx) => {
        await repo.lockIdentity(tx, actor.tenantId, [input.phone, input.email]);
        const existing = await findByPhoneOrEmail(tx, actor, input);
        const row = existing
          ? await applyChanges(tx, actor, existing, keepPrimaryIdentity(existing, input))
          : await insertPrepared(tx, actor, input);
        return { contact: await presentContact(tx, actor.tenantId, row), created: !existing };
      }),

    /**
     * Inside the caller's transaction: for each phone (E.164, primary or further), its contact, or
     * a new one named as given. Existing contacts are left as they are (a WhatsApp profile name never
     * overwrites the CRM's). One query for known customers; a first-time customer takes the identity
     * lock and looks again under it, so concurrent first messages never make twins. What the inbox
     * calls for every batch of inbound messages; answers by the phone as given.
     */
    findOrCreateByPhones: async (
      tx: Executor,
      actor: Actor,
      inputs: { phone: string; name: string; source: string }[],
    ) => {
      const normalised = new Map(
        inputs.map((input) => [input.phone, normalisePhone(input.phone) ?? input.phone]),
      );
      const byPhone = async (phones: string[]) => {
        const rows = await repo.findContactsByIdentity(tx, actor.tenantId, { phones, emails: [] });
        return (phone: string) => rows.find((row) => row.phone === phone || row.otherPhones.includes(phone));
      };
      const known = await byPhone([...new Set(normalised.values())]);
      const found = new Map<string, { contactId: string; created: boolean }>();
      for (const input of inputs) {
        if (found.has(input.phone)) continue;
        const phone = normalised.get(input.phone) ?? input.phone;
        const existing = known(phone);
        if (existing) {
          found.set(input.phone, { contactId: existing.id, created: false });
          continue;
        }
        await repo.lockIdentity(tx, actor.tenantId, [phone]);
        const raced = (await byPhone([phone]))(phone);
        const contact = raced ?? (await insertPrepared(tx, actor, { ...input, phone }, true));
        found.set(input.phone, { contactId: contact.id, created: !raced });
      }
      return found;
    },

    listContacts: async (actor: Actor, query: ContactQuery): Promise<Page<ContactView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const vocabulary = await loadVocabulary(tx, actor.tenantId);
        const sort = resolveSort(query.sort, query.order, vocabulary.catalogue);
        const page = { sort, after: decodeSortCursor(query.cursor), limit: query.limit + 1 };
        const where = await selectionCondition(tx, actor.tenantId, query, vocabulary, "querystring", {
          page,
        });
        const rows = await repo.listContacts(tx, actor.tenantId, where, sort, page);
        const pageRows = rows.slice(0, query.limit);
        const last = pageRows.at(-1);
        return {
          data: pageRows.map((row) => toContactView(row.contact, row)),
          nextCursor:
            rows.length > query.limit && last ? encodeSortCursor(last.sortKey, last.contact.id) : null,
        };
      }),

    countContacts: (actor: Actor, selection: ContactSelection) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const vocabulary = await loadVocabulary(tx, actor.tenantId);
        const where = await selectionCondition(tx, actor.tenantId, selection, vocabulary, "querystring");
        return { count: await repo.countContacts(tx, actor.tenantId, where) };
      }),

    getContact: async (actor: Actor, id: string): Promise<ContactView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.findContact(tx, actor.tenantId, id);
        if (!row) throw notFound("The contact");
        return presentContact(tx, actor.tenantId, row);
      }),

    updateContact: async (actor: Actor, id: string, input: UpdateContactInput): Promise<ContactView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findContact(tx, actor.tenantId, id);
        if (!before) throw notFound("The contact");
        return presentContact(tx, actor.tenantId, await applyChanges(tx, actor, before, input));
      }),

    deleteContact: async (actor: Actor, id: string) => {
      assertCrm(actor, "contacts.delete");
      await withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findContact(tx, actor.tenantId, id);
        if (!before) throw notFound("The contact");
        await repo.deleteContacts(tx, actor.tenantId, [id]);
        // The audit log keeps the fact of the deletion, not the person's data.
        await recordAudit(tx, actor, { action: "contact.delete", targetType: "contact", targetId: id });
        await publishEvent(tx, {
          type: "crm.contact.deleted",
          tenantId: actor.tenantId,
          data: { contactId: id },
        });
      });
    },
  };
}

/**
 * An upsert never replaces a contact's primary phone or email: a new one joins the further ones,
 * so the contact stays reachable where it was reachable before.
 */
function keepPrimaryIdentity(existing: repo.ContactRow, input: CreateContactInput): UpdateContactInput {
  const update: UpdateContactInput = { ...input };
  if (existing.phone && input.phone) {
    delete update.phone;
    update.phones = [...existing.otherPhones, ...(input.phones ?? []), input.phone];
  }
  if (existing.email && input.email && input.email !== existing.email) {
    delete update.email;
    update.emails = [...new Set([...existing.otherEmails, ...(input.emails ?? []), input.email])];
  } else if (existing.email && input.email) delete update.email;
  return update;
}

/** The contact an upsert updates: same phone first (the inbox's key), else same email. */
async function findByPhoneOrEmail(tx: Executor, actor: Actor, input: CreateContactInput) {
  const settings = await findSettings(tx, actor.tenantId);
  const phone = input.phone ? normalisePhone(input.phone, settings?.defaultCountry) : undefined;
  const candidates = await repo.findContactsByIdentity(tx, actor.tenantId, {
    phones: phone ? [phone] : [],
    emails: input.email ? [input.email] : [],
  });
  const byPhone = phone
    ? candidates.find((row) => row.phone === phone || row.otherPhones.includes(phone))
    : undefined;
  return (
    byPhone ??
    candidates.find(
      (row) => input.email && (row.email === input.email || row.otherEmails.includes(input.email)),
    )
  );
}
