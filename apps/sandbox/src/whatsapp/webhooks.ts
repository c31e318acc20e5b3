import { createHmac, randomUUID } from "node:crypto";
import type { WhatsAppContext } from "./context.ts";
import type { RegisteredNumber, WebhookDelivery } from "./state.ts";

const keptDeliveries = 200;
const attemptTimeoutMs = 10_000;

/** Meta's `X-Hub-Signature-256`: HMAC-SHA256 of the exact raw body, keyed with the app secret. */
function signWebhookBody(body: string, appSecret: string) {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

export function buildWebhookEnvelope(wabaId: string, field: string, value: unknown, time?: Date) {
  const entry = time ? { id: wabaId, time: Math.floor(time.getTime() / 1000) } : { id: wabaId };
  return { object: "whatsapp_business_account", entry: [{ ...entry, changes: [{ value, field }] }] };
}

/** Metadata as webhooks carry it: the display number in digits only, unlike the phone number node. */
export function buildMessagesValue(
  number: RegisteredNumber,
  contact: { waId: string; name?: string },
  items: { messages: unknown[] } | { statuses: unknown[] },
) {
  return {
    messaging_product: "whatsapp",
    metadata: {
      display_phone_number: number.displayPhoneNumber.replace(/\D/g, ""),
      phone_number_id: number.phoneNumberId,
    },
    ...(contact.name !== undefined && {
      contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
    }),
    ...items,
  };
}

/**
 * Posts one signed webhook to the product and logs it. Resolves after the first attempt, so
 * statuses keep their order when the product answers; failures are retried later with backoff.
 */
export async function deliverWebhook(
  context: WhatsAppContext,
  target: Pick<RegisteredNumber, "callbackUrl" | "appSecret">,
  payload: { entry: { changes: { field: string }[] }[] },
  summary: string,
): Promise<WebhookDelivery> {
  const body = JSON.stringify(payload);
  const delivery: WebhookDelivery = {
    id: randomUUID(),
    url: target.callbackUrl,
    field: payload.entry[0]?.changes[0]?.field ?? "",
    summary,
    payload,
    attempts: 0,
    statusCode: null,
    ok: false,
    createdAt: new Date(),
  };
  context.state.deliveries.unshift(delivery);
  context.state.deliveries.length = Math.min(context.state.deliveries.length, keptDeliveries);

  const attempt = async () => {
    delivery.attempts += 1;
    delivery.lastAttemptAt = new Date();
    try {
      const response = await fetch(target.callbackUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "facebookexternalua",
          "x-hub-signature-256": signWebhookBody(body, target.appSecret),
        },
        body,
        signal: AbortSignal.timeout(attemptTimeoutMs),
      });
      await response.arrayBuffer();
      delivery.statusCode = response.status;
      delivery.ok = response.ok;
      delivery.error = response.ok ? undefined : `answered HTTP ${response.status}`;
    } catch (error) {
      delivery.statusCode = null;
      delivery.ok = false;
      delivery.error = error instanceof Error ? (error.cause?.toString() ?? error.message) : String(error);
    }
    const retryInMs = delivery.ok ? undefined : context.delays.webhookRetryMs[delivery.attempts - 1];
    if (retryInMs !== undefined) context.tasks.after(retryInMs, attempt);
    else if (!delivery.ok)
      context.log.warn({ url: delivery.url, summary, error: delivery.error }, "webhook gave up");
  };
  await attempt();
  return delivery;
}

export function presentDelivery(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    url: delivery.url,
    field: delivery.field,
    summary: delivery.summary,
    ok: delivery.ok,
    statusCode: delivery.statusCode,
    attempts: delivery.attempts,
    error: delivery.error ?? null,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    payload: delivery.payload,
  };
}
