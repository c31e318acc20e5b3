import { randomBytes } from "node:crypto";
import { createSimulatedCustomer } from "@sbos/sandbox";
import type { Logger } from "pino";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import type { DemoTenant } from "../../../platform/module.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { refreshChannelJob } from "./jobs.ts";
import * as repo from "./repo.ts";
import type { ChannelService } from "./service.ts";

/** The demo organisation's number; Meta's ids are digits, these are visibly made up. */
const demoNumber = { phoneNumberId: "100000000000001", wabaId: "200000000000001" };
const firstMessages = [
  "Bonjour ! Ma commande n°1042 est-elle partie ?",
  "Do you deliver to Dubai? 🙏",
  "¿Tienen la talla M en azul?",
];

/**
 * Numbers that talk to the provider sandbox: the demo organisation gets one, and every start
 * registers them with this process's sandbox (its state lives in memory) pointing the webhook at
 * this server, so a fresh machine has a working WhatsApp inbox.
 */
export function createSandboxNumbers(deps: {
  db: Db;
  secrets: SecretBox;
  channels: ChannelService;
  logger: Logger;
}) {
  const { db, secrets } = deps;
  const newSecret = () => randomBytes(24).toString("base64url");

  return {
    seedDemoNumber: async (tenant: DemoTenant, sandboxUrl: string) => {
      await deps.channels.connectWhatsApp(
        tenant.actor,
        {
          ...demoNumber,
          accessToken: newSecret(),
          appSecret: newSecret(),
          verifyToken: newSecret(),
          apiBaseUrl: `${sandboxUrl}/whatsapp`,
        },
        { isSandbox: true },
      );
    },

    /** Registers every sandbox number with the sandbox at `sandboxUrl`, its webhook at `serverUrl`. */
    registerSandboxNumbers: async (serverUrl: string, sandboxUrl: string) => {
      for (const tenantId of await repo.listTenantsWithNumbers(db)) {
        const sandboxChannels = await withTenant(db, tenantId, async (tx) => {
          const rows = (await repo.listChannels(tx, tenantId)).filter((row) => row.isSandbox);
          for (const row of rows) {
            if (row.apiBaseUrl !== `${sandboxUrl}/whatsapp`) {
              await repo.updateChannel(tx, tenantId, row.id, { apiBaseUrl: `${sandboxUrl}/whatsapp` });
            }
          }
          return rows;
        });
        for (const channel of sandboxChannels) {
          const response = await fetch(`${sandboxUrl}/whatsapp/numbers/${channel.phoneNumberId}`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              wabaId: channel.wabaId,
              displayPhoneNumber: "+1 555 010 0001",
              verifiedName: "Social Business OS Demo",
              accessToken: secrets.open(channel.accessTokenSealed),
              appSecret: secrets.open(channel.appSecretSealed),
              verifyToken: secrets.open(channel.verifyTokenSealed),
              callbackUrl: `${serverUrl}/webhooks/whatsapp`,
            }),
          });
          if (!response.ok) {
            deps.logger.warn(
              { status: response.status, body: await response.text() },
              "sandbox number not registered",
            );
            continue;
          }
          await withTenant(db, tenantId, (tx) =>
            enqueue(tx, refreshChannelJob, { tenantId, channelId: channel.id }),
          );
        }
      }
    },

    /** A few customers of the demo CRM write to the demo number, through the sandbox's real webhooks. */
    startDemoConversations: async (
      tenantId: string,
      sandboxUrl: string,
      customers: { name: string; phone: string }[],
    ) => {
      for (const [index, customer] of customers.slice(0, firstMessages.length).entries()) {
        await createSimulatedCustomer({
          sandboxUrl,
          waId: customer.phone,
          name: customer.name,
          phoneNumberId: demoNumber.phoneNumberId,
        }).send(firstMessages[index] ?? "Hello");
      }
      deps.logger.info({ tenantId, conversations: customers.length }, "demo whatsapp conversations started");
    },
  };
}
