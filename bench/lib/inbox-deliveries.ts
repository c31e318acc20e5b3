import { signWebhookBody } from "../../apps/server/src/providers/whatsapp-cloud/index.ts";
import { customerPhrases } from "./inbox-phrases.ts";
import { createPeopleGenerator } from "./people-generator.ts";
import { createRandom, type Random } from "./random.ts";

/** The connected number deliveries are addressed to, and the app secret that signs them. */
export type InboxNumber = {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  appSecret: string;
};

/** A WhatsApp user: `waId` is the phone's digits, as Meta names them. */
export type Customer = { waId: string; name: string };

/** One webhook POST as Meta sends it: the exact bytes and their signature. */
export type Delivery = { body: Buffer; signature: string; wamid: string; redelivery: boolean };

/** Distinct customers (by phone) with names of many cultures and scripts. */
export function customersOf(count: number, seed: number): Customer[] {
  const generator = createPeopleGenerator({ seed });
  const customers = new Map<string, Customer>();
  while (customers.size < count) {
    const person = generator.next();
    const waId = person.phoneE164.slice(1);
    if (!customers.has(waId)) customers.set(waId, { waId, name: person.name });
  }
  return [...customers.values()];
}

/** A message id shaped like Meta's (`wamid.` and base64), unique for the seed. */
export function wamidOf(random: Random, sequence: number): string {
  const bytes = Buffer.alloc(24);
  for (let index = 0; index < 20; index++) bytes[index] = random.int(256);
  bytes.writeUInt32BE(sequence >>> 0, 20);
  return `wamid.HBgM${bytes.toString("base64")}`;
}

/** A customer's text message in Meta's webhook format, signed with the number's app secret. */
export function textDelivery(number: InboxNumber, customer: Customer, wamid: string, text: string, at: Date) {
  const body = Buffer.from(
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: number.wabaId,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: {
                  display_phone_number: number.displayPhoneNumber,
                  phone_number_id: number.phoneNumberId,
                },
                contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
                messages: [
                  {
                    from: customer.waId,
                    id: wamid,
                    timestamp: String(Math.floor(at.getTime() / 1000)),
                    type: "text",
                    text: { body: text },
                  },
                ],
              },
            },
          ],
        },
      ],
    }),
  );
  return { body, signature: signWebhookBody(body, number.appSecret), wamid, redelivery: false };
}

export type IngestInput = {
  deliveries: Delivery[];
  uniqueWamids: number;
  redeliveries: number;
  customers: number;
};

/**
 * `unique` text messages from `customers` (each message from a random one), plus `redeliveryShare`
 * of them sent again byte for byte as Meta does when an acknowledgement was late: each some
 * 50–2,000 deliveries after its original.
 */
export function buildIngestInput(
  number: InboxNumber,
  options: { unique: number; customers: Customer[]; redeliveryShare: number; seed: number },
): IngestInput {
  const random = createRandom(options.seed);
  const startMs = Date.now() - options.unique * 10;
  const originals: Delivery[] = [];
  const usedCustomers = new Set<string>();
  for (let index = 0; index < options.unique; index++) {
    const customer = random.pick(options.customers);
    usedCustomers.add(customer.waId);
    const text = random.pickSkewed(customerPhrases);
    originals.push(
      textDelivery(number, customer, wamidOf(random, index), text, new Date(startMs + index * 10)),
    );
  }
  const keyed = originals.map((delivery, index) => ({ key: index, delivery }));
  const redeliveries = Math.round(options.unique * options.redeliveryShare);
  for (let count = 0; count < redeliveries; count++) {
    const index = random.int(originals.length);
    const original = originals[index] as Delivery;
    keyed.push({ key: index + 50 + random.int(1_950) + 0.5, delivery: { ...original, redelivery: true } });
  }
  keyed.sort((a, b) => a.key - b.key);
  return {
    deliveries: keyed.map((item) => item.delivery),
    uniqueWamids: originals.length,
    redeliveries,
    customers: usedCustomers.size,
  };
}
