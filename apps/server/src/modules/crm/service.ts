import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/client.ts";
import { withTenant } from "../../platform/db/tenancy.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../platform/http/pagination.ts";
import { newId } from "../../platform/ids.ts";
import type { ContactView, CreateContactInput, UpdateContactInput } from "./dto.ts";
import { normalisePhone, phoneDigits } from "./phone.ts";
import { canDeleteContacts } from "./policy.ts";
import * as repo from "./repo.ts";

export type CrmService = ReturnType<typeof createCrmService>;

const invalidPhone = () =>
  new AppError(
    "validation",
    "The phone number is not valid: use the international format, e.g. +33 6 12 34 56 78.",
    {
      errors: [{ field: "body.phone", message: "not a valid phone number in international format" }],
    },
  );

/** The phone as E.164 plus as typed, or nulls when cleared; a number that does not parse is a 400. */
function phoneFields(phone: string | null) {
  if (phone === null) return { phone: null, phoneAsEntered: null };
  const normalised = normalisePhone(phone);
  if (!normalised) throw invalidPhone();
  return { phone: normalised, phoneAsEntered: phone };
}

export function createCrmService(deps: { db: Db }) {
  const { db } = deps;

  return {
    createContact: async (actor: Actor, input: CreateContactInput): Promise<ContactView> => {
      const phone =
        input.phone === undefined ? { phone: null, phoneAsEntered: null } : phoneFields(input.phone);
      return withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertContact(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          email: input.email ?? null,
          ...phone,
        });
        await recordAudit(tx, actor, {
          action: "contact.create",
          targetType: "contact",
          targetId: row.id,
          after: { name: row.name, email: row.email, phone: row.phone },
        });
        await publishEvent(tx, {
          type: "crm.contact.created",
          tenantId: actor.tenantId,
          data: { contactId: row.id },
        });
        return presentContact(row);
      });
    },

    /** Newest first; `q` searches name and email, and phones however the number is typed. */
    listContacts: async (actor: Actor, query: PageQuery & { q?: string }): Promise<Page<ContactView>> => {
      const search = query.q || undefined;
      const digits = search && phoneDigits(search).length >= 3 ? phoneDigits(search) : undefined;
      const rows = await withTenant(db, actor.tenantId, (tx) =>
        repo.listContacts(
          tx,
          actor.tenantId,
          { search, digits },
          { beforeId: decodeCursor(query.cursor), limit: query.limit },
        ),
      );
      return toPage(rows, query.limit, presentContact, (row) => row.id);
    },

    getContact: async (actor: Actor, id: string): Promise<ContactView> => {
      const row = await withTenant(db, actor.tenantId, (tx) => repo.findContact(tx, actor.tenantId, id));
      if (!row) throw notFound("The contact");
      return presentContact(row);
    },

    updateContact: async (actor: Actor, id: string, input: UpdateContactInput): Promise<ContactView> => {
      const phone = input.phone === undefined ? {} : phoneFields(input.phone);
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findContact(tx, actor.tenantId, id);
        if (!before) throw notFound("The contact");
        const changes = {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.email === undefined ? {} : { email: input.email }),
          ...phone,
        };
        const after = (await repo.updateContact(tx, actor.tenantId, id, changes)) ?? before;
        await recordAudit(tx, actor, {
          action: "contact.update",
          targetType: "contact",
          targetId: id,
          before: { name: before.name, email: before.email, phone: before.phone },
          after: { name: after.name, email: after.email, phone: after.phone },
        });
        return presentContact(after);
      });
    },

    deleteContact: async (actor: Actor, id: string) => {
      if (!canDeleteContacts(actor))
        throw new AppError("forbidden", "Only owners and admins can delete contacts.");
      await withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findContact(tx, actor.tenantId, id);
        if (!before) throw notFound("The contact");
        await repo.deleteContact(tx, actor.tenantId, id);
        // The audit log keeps the fact of the deletion, not the person's data.
        await recordAudit(tx, actor, { action: "contact.delete", targetType: "contact", targetId: id });
      });
    },
  };
}

function presentContact(row: repo.ContactRow): ContactView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    phoneAsEntered: row.phoneAsEntered,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
