import { type Actor, systemActor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { findContact } from "../contacts/repo.ts";
import { consentChannels } from "../tables.ts";
import { appendActivities } from "../timeline/activity.ts";
import type {
  ConsentChannel,
  ConsentMethod,
  ConsentStatus,
  ContactConsentView,
  RecordConsentInput,
} from "./dto.ts";
import * as repo from "./repo.ts";

export type ConsentService = ReturnType<typeof createConsentService>;

const historyLimit = 200;
/** How far ahead of our clock an `occurredAt` may be: a future time would freeze the state until then. */
const clockSkewMs = 5 * 60_000;

const channelNames: Record<ConsentChannel, string> = { whatsapp: "WhatsApp", email: "Email", sms: "SMS" };
const statusNames: Record<ConsentStatus, string> = { opted_in: "opted in", opted_out: "opted out" };

/**
 * Records a consent change inside the caller's transaction (the CSV import and the inbox's STOP
 * keyword call it): the history always gets it, the current state only when nothing later is
 * there already. Appends `consent.changed` to the timeline and audits it (as the system without
 * an actor). Answers whether it became the current state.
 */
export async function recordConsent(
  tx: Executor,
  tenantId: string,
  actor: Actor | null,
  contactId: string,
  channel: ConsentChannel,
  status: ConsentStatus,
  method: ConsentMethod,
  evidence: string | null,
  occurredAt: Date = new Date(),
): Promise<{ applied: boolean }> {
  const actorId = actor?.userId ?? null;
  await repo.insertConsentEvent(tx, {
    tenantId,
    id: newId(),
    contactId,
    channel,
    status,
    method,
    evidence,
    actorId,
    occurredAt,
  });
  const applied = await repo.saveConsent(tx, {
    tenantId,
    contactId,
    channel,
    status,
    method,
    evidence,
    changedAt: occurredAt,
  });
  await appendActivities(tx, tenantId, [
    {
      contactId,
      kind: "consent.changed",
      summary: `${channelNames[channel]}: ${statusNames[status]} (${method.replaceAll("_", " ")})`,
      data: { channel, status, method, current: applied },
      actorId,
      occurredAt,
    },
  ]);
  // The evidence may quote the person (their message, their address): the audit log keeps the fact only.
  await recordAudit(tx, actor ?? systemActor(tenantId), {
    action: "contact.consent.change",
    targetType: "contact",
    targetId: contactId,
    after: { channel, status, method, occurredAt: occurredAt.toISOString(), current: applied },
  });
  if (applied) {
    await publishEvent(tx, {
      type: "crm.consent.changed",
      tenantId,
      data: { contactId, channel, status },
    });
  }
  return { applied };
}

async function presentConsent(
  tx: Executor,
  tenantId: string,
  contactId: string,
): Promise<ContactConsentView> {
  const current = await repo.findConsents(tx, tenantId, contactId);
  const history = await repo.listConsentEvents(tx, tenantId, contactId, historyLimit);
  return {
    channels: consentChannels.map((channel) => {
      const row = current.find((entry) => entry.channel === channel);
      return {
        channel,
        status: row?.status ?? "none",
        method: row?.method ?? null,
        evidence: row?.evidence ?? null,
        changedAt: row?.changedAt.toISOString() ?? null,
      };
    }),
    history: history.map((event) => ({
      id: event.id,
      channel: event.channel,
      status: event.status,
      method: event.method,
      evidence: event.evidence,
      actorId: event.actorId,
      occurredAt: event.occurredAt.toISOString(),
    })),
  };
}

/** Consent per contact and channel (WhatsApp, email, SMS), with its history: what broadcasts must respect. */
export function createConsentService(deps: { db: Db }) {
  const { db } = deps;

  async function loadContact(tx: Executor, actor: Actor, contactId: string) {
    if (!(await findContact(tx, actor.tenantId, contactId))) throw notFound("The contact");
  }

  return {
    /** The current consent on every channel and the history of changes, newest first. */
    getConsent: (actor: Actor, contactId: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        await loadContact(tx, actor, contactId);
        return presentConsent(tx, actor.tenantId, contactId);
      }),

    /** Records a consent change for one channel; answers the contact's consent afterwards. */
    changeConsent: (actor: Actor, contactId: string, channel: ConsentChannel, input: RecordConsentInput) => {
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
      if (occurredAt.getTime() > Date.now() + clockSkewMs) {
        throw new AppError("validation", "A consent change cannot be dated in the future.", {
          errors: [{ field: "body.occurredAt", message: "in the future" }],
        });
      }
      return withTenant(db, actor.tenantId, async (tx) => {
        await loadContact(tx, actor, contactId);
        await recordConsent(
          tx,
          actor.tenantId,
          actor,
          contactId,
          channel,
          input.status,
          input.method,
          input.evidence || null,
          occurredAt,
        );
        return presentConsent(tx, actor.tenantId, contactId);
      });
    },
  };
}
