import { createHash } from "node:crypto";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { assertInbox } from "../policy.ts";
import type { ChannelView, ConnectWhatsAppInput, UpdateWhatsAppInput } from "./dto.ts";
import { refreshChannelJob } from "./jobs.ts";
import * as repo from "./repo.ts";

export type ChannelService = ReturnType<typeof createChannelService>;

export const defaultGraphApiBaseUrl = "https://graph.facebook.com";
export const defaultGraphApiVersion = "v21.0";

/** Only a hash of the verify token is kept where the handshake (no tenant yet) can look it up. */
export const hashVerifyToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function presentChannel(row: repo.ChannelRow): ChannelView {
  return {
    id: row.id,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    displayPhoneNumber: row.displayPhoneNumber,
    verifiedName: row.verifiedName,
    qualityRating: row.qualityRating,
    messagingLimitTier: row.messagingLimitTier,
    apiBaseUrl: row.apiBaseUrl,
    apiVersion: row.apiVersion,
    sendRatePerSecond: row.sendRatePerSecond,
    isSandbox: row.isSandbox,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  };
}

const numberTaken = () =>
  new AppError("conflict", "This phone number is connected already, in this organisation or another.", {
    errors: [{ field: "body.phoneNumberId", message: "connected already" }],
  });

/** WhatsApp Cloud API numbers of an organisation: connect, rotate secrets, disconnect. */
export function createChannelService(deps: {
  db: Db;
  secrets: SecretBox;
  onChanged?: (channelId: string) => void;
}) {
  const { db, secrets } = deps;

  async function loadChannel(tx: Parameters<Parameters<typeof withTenant>[2]>[0], actor: Actor, id: string) {
    const row = await repo.findChannel(tx, actor.tenantId, id);
    if (!row) throw notFound("The WhatsApp number");
    return row;
  }

  return {
    /** Connects a number; its display name and quality are fetched from the provider by a job. */
    connectWhatsApp: (actor: Actor, input: ConnectWhatsAppInput, options: { isSandbox?: boolean } = {}) =>
      withTenant(db, actor.tenantId, async (tx) => {
        assertInbox(actor, "channels.manage");
        const id = newId();
        const route = await repo.insertRoute(tx, {
          phoneNumberId: input.phoneNumberId,
          wabaId: input.wabaId,
          tenantId: actor.tenantId,
          channelId: id,
          verifyTokenHash: hashVerifyToken(input.verifyToken),
        });
        if (!route) throw numberTaken();
        const row = await repo.insertChannel(tx, {
          tenantId: actor.tenantId,
          id,
          phoneNumberId: input.phoneNumberId,
          wabaId: input.wabaId,
          accessTokenSealed: secrets.seal(input.accessToken),
          appSecretSealed: secrets.seal(input.appSecret),
          verifyTokenSealed: secrets.seal(input.verifyToken),
          apiBaseUrl: (input.apiBaseUrl ?? defaultGraphApiBaseUrl).replace(/\/+$/, ""),
          apiVersion: input.apiVersion ?? defaultGraphApiVersion,
          sendRatePerSecond: input.sendRatePerSecond ?? 80,
          isSandbox: options.isSandbox ?? false,
        });
        const view = presentChannel(row);
        await recordAudit(tx, actor, {
          action: "whatsapp_channel.connected",
          targetType: "whatsapp_channel",
          targetId: id,
          after: view,
        });
        await enqueue(tx, refreshChannelJob, { tenantId: actor.tenantId, channelId: id });
        await publishEvent(tx, {
          type: "inbox.channel.changed",
          tenantId: actor.tenantId,
          data: { channelId: id },
        });
        return view;
      }),

    listChannels: (actor: Actor) =>
      withTenant(db, actor.tenantId, async (tx) =>
        (await repo.listChannels(tx, actor.tenantId)).map(presentChannel),
      ),

    getChannel: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => presentChannel(await loadChannel(tx, actor, id))),

    /** Rotates the token, app secret or verify token, or changes the send rate. */
    updateWhatsApp: async (actor: Actor, id: string, input: UpdateWhatsAppInput) => {
      const view = await withTenant(db, actor.tenantId, async (tx) => {
        assertInbox(actor, "channels.manage");
        const before = await loadChannel(tx, actor, id);
        const row = await repo.updateChannel(tx, actor.tenantId, id, {
          ...(input.accessToken
            ? { accessTokenSealed: secrets.seal(input.accessToken), lastError: null }
            : {}),
          ...(input.appSecret ? { appSecretSealed: secrets.seal(input.appSecret) } : {}),
          ...(input.verifyToken ? { verifyTokenSealed: secrets.seal(input.verifyToken) } : {}),
          ...(input.sendRatePerSecond ? { sendRatePerSecond: input.sendRatePerSecond } : {}),
        });
        if (!row) throw notFound("The WhatsApp number");
        if (input.verifyToken)
          await repo.updateRouteVerifyHash(tx, actor.tenantId, id, hashVerifyToken(input.verifyToken));
        await recordAudit(tx, actor, {
          action: "whatsapp_channel.updated",
          targetType: "whatsapp_channel",
          targetId: id,
          before: { ...presentChannel(before), secretsRotated: false },
          after: {
            ...presentChannel(row),
            secretsRotated: Boolean(input.accessToken || input.appSecret || input.verifyToken),
          },
        });
        if (input.accessToken)
          await enqueue(tx, refreshChannelJob, { tenantId: actor.tenantId, channelId: id });
        await publishEvent(tx, {
          type: "inbox.channel.changed",
          tenantId: actor.tenantId,
          data: { channelId: id },
        });
        return presentChannel(row);
      });
      // After the commit: a delivery verified in between must see the new secret.
      deps.onChanged?.(id);
      return view;
    },

    /** Disconnects a number: its conversations and messages go with it. */
    disconnectWhatsApp: async (actor: Actor, id: string) => {
      await withTenant(db, actor.tenantId, async (tx) => {
        assertInbox(actor, "channels.manage");
        const before = await loadChannel(tx, actor, id);
        await repo.deleteChannel(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "whatsapp_channel.disconnected",
          targetType: "whatsapp_channel",
          targetId: id,
          before: presentChannel(before),
        });
        await publishEvent(tx, {
          type: "inbox.channel.changed",
          tenantId: actor.tenantId,
          data: { channelId: id },
        });
      });
      deps.onChanged?.(id);
    },

    /** Asks the provider again for the number's name, quality and tier (also done by a job on connect). */
    refreshWhatsApp: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        await loadChannel(tx, actor, id);
        await enqueue(tx, refreshChannelJob, { tenantId: actor.tenantId, channelId: id });
      }),
  };
}
