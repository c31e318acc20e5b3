import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { appendActivities } from "../timeline/activity.ts";
import type { ContactView } from "./dto.ts";
import { moveCrmRecords } from "./merge-repo.ts";
import { presentContact, presentContacts } from "./present.ts";
import * as repo from "./repo.ts";
import { contactSearchKeys } from "./search-keys.ts";

/** Moves another module's records (conversations, deals, sends) from merged contacts to the survivor. */
export type ContactLinkMover = (
  tx: Executor,
  tenantId: string,
  fromIds: string[],
  toId: string,
) => Promise<void>;

export type DuplicateReason = "same_phone" | "same_email" | "similar_name";

const unique = (values: (string | null)[]) => [
  ...new Set(values.filter((value): value is string => Boolean(value))),
];

/** The survivor's values win; its empty fields take the first merged contact's value that has one. */
function mergedFields(survivor: repo.ContactRow, merged: repo.ContactRow[]): repo.ContactChanges {
  const all = [survivor, ...merged];
  const first = <K extends keyof repo.ContactRow>(key: K) =>
    all.find((row) => row[key] !== null)?.[key] ?? null;
  const email = first("email");
  const phone = first("phone");
  const phoneRow = all.find((row) => row.phone === phone);
  return {
    email,
    phone,
    phoneAsEntered: phoneRow?.phoneAsEntered ?? null,
    otherEmails: unique(all.flatMap((row) => [row.email, ...row.otherEmails])).filter(
      (value) => value !== email,
    ),
    otherPhones: unique(all.flatMap((row) => [row.phone, ...row.otherPhones])).filter(
      (value) => value !== phone,
    ),
    companyId: first("companyId"),
    ownerId: first("ownerId"),
    source: first("source"),
    language: first("language"),
    timezone: first("timezone"),
    avatarUrl: first("avatarUrl"),
    customFields: Object.assign({}, ...[...all].reverse().map((row) => row.customFields)),
  };
}

export function createContactMerger(deps: { db: Db; linkMovers: ContactLinkMover[] }) {
  const { db, linkMovers } = deps;
  return {
    /** Other contacts sharing a normalised phone or email with this one, or with a similar name. */
    findDuplicates: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const contact = await repo.findContact(tx, actor.tenantId, id);
        if (!contact) throw notFound("The contact");
        const phones = unique([contact.phone, ...contact.otherPhones]);
        const emails = unique([contact.email, ...contact.otherEmails]);
        const sameIdentity = await repo.findContactsByIdentity(tx, actor.tenantId, { phones, emails });
        const similar = await repo.findContactsWithSimilarName(tx, actor.tenantId, contact.name, 20);
        const reasons = new Map<string, { row: repo.ContactRow; reasons: Set<DuplicateReason> }>();
        const note = (row: repo.ContactRow, reason: DuplicateReason) => {
          if (row.id === id) return;
          const entry = reasons.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
          entry.reasons.add(reason);
          reasons.set(row.id, entry);
        };
        for (const row of sameIdentity) {
          if ([row.phone, ...row.otherPhones].some((phone) => phone && phones.includes(phone)))
            note(row, "same_phone");
          if ([row.email, ...row.otherEmails].some((email) => email && emails.includes(email)))
            note(row, "same_email");
        }
        for (const row of similar) note(row, "similar_name");
        const entries = [...reasons.values()];
        const views = await presentContacts(
          tx,
          actor.tenantId,
          entries.map((entry) => entry.row),
        );
        return {
          data: views.map((contact, index) => ({ contact, reasons: [...(entries[index]?.reasons ?? [])] })),
          nextCursor: null,
        };
      }),

    /**
     * Merges `mergedIds` into the contact `id`: fields fill the survivor's gaps, emails and phones are
     * kept as further ones, tags, notes, timeline, consent and other modules' linked records move to
     * the survivor, and the merged contacts are deleted. One transaction.
     */
    mergeContacts: (actor: Actor, id: string, mergedIds: string[]): Promise<ContactView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const others = [...new Set(mergedIds)].filter((other) => other !== id);
        if (others.length === 0) {
          throw new AppError("validation", "Name at least one other contact to merge into this one.", {
            errors: [{ field: "body.contactIds", message: "must name other contacts than the survivor" }],
          });
        }
        const survivor = await repo.findContact(tx, actor.tenantId, id);
        const merged = await repo.findContacts(tx, actor.tenantId, others);
        if (!survivor || merged.length !== others.length) throw notFound("The contact");
        const ordered = others.map((other) => merged.find((row) => row.id === other) as repo.ContactRow);
        const changes = mergedFields(survivor, ordered);
        await moveCrmRecords(tx, actor.tenantId, others, id);
        for (const move of linkMovers) await move(tx, actor.tenantId, others, id);
        await repo.deleteContacts(tx, actor.tenantId, others);
        const after = (await repo.updateContact(tx, actor.tenantId, id, {
          ...changes,
          ...contactSearchKeys({ ...survivor, ...changes }),
        })) as repo.ContactRow;
        await appendActivities(tx, actor.tenantId, [
          {
            contactId: id,
            kind: "contact.merged",
            summary: `Merged ${others.length} duplicate contact${others.length > 1 ? "s" : ""} into this one`,
            data: { mergedIds: others, mergedNames: ordered.map((row) => row.name) },
            actorId: actor.userId ?? null,
          },
        ]);
        await recordAudit(tx, actor, {
          action: "contact.merge",
          targetType: "contact",
          targetId: id,
          after: { mergedIds: others },
        });
        await publishEvent(tx, {
          type: "crm.contact.merged",
          tenantId: actor.tenantId,
          data: { survivorId: id, mergedIds: others },
        });
        return presentContact(tx, actor.tenantId, after);
      }),
  };
}

export type ContactMerger = ReturnType<typeof createContactMerger>;
