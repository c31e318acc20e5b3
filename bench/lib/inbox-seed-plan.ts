import {
  type ContactSearchKeys,
  contactSearchKeys,
} from "../../apps/server/src/modules/crm/contacts/search-keys.ts";
import { customersOf } from "./inbox-deliveries.ts";
import { agentPhrases, customerPhrases } from "./inbox-phrases.ts";
import { createRandom, type Random, uuidV7 } from "./random.ts";

export type InboxSeedSize = { conversations: number; messages: number };

export type PlannedContact = {
  id: string;
  name: string;
  phone: string;
  waId: string;
  keys: ContactSearchKeys;
  createdMs: number;
};

/** A conversation and the shape of its messages: `messages` of them, evenly from `firstMs` to `lastMs`. */
export type PlannedConversation = {
  seq: number;
  id: string;
  contact: number;
  status: "open" | "pending" | "snoozed" | "resolved";
  assigneeId: string | null;
  /** Who writes the outbound messages and notes: the assignee, or whoever answered. */
  authorId: string;
  messages: number;
  firstMs: number;
  lastMs: number;
  lastDirection: "inbound" | "outbound";
  lastBody: string;
  lastInboundMs: number;
  unreadCount: number;
  snoozedUntilMs: number | null;
  resolvedMs: number | null;
};

export type InboxSeedPlan = { contacts: PlannedContact[]; conversations: PlannedConversation[] };

const hourMs = 3600_000;
const dayMs = 24 * hourMs;
const yearMs = 365 * dayMs;
/** A customer has 1.43 conversations on average: the rest are earlier ones, all resolved. */
const contactsPerConversation = 0.7;
/** Of all conversations: open 5%, pending 1%, snoozed 0.5%. */
const activeShare = 0.065;
const giantShare = 0.0006;
const giantMinimum = 10_000;

/**
 * One organisation's year of WhatsApp: each customer's latest conversation (about 6.5% of all
 * conversations still active: open, pending or snoozed, and recent) and earlier resolved ones;
 * most have 20–100 messages over minutes to days, a few hundreds or thousands over weeks, and a
 * handful of long-running customers 10,000+ over the year, who get whatever makes the total.
 */
export function planInboxSeed(size: InboxSeedSize, agents: string[], now: number): InboxSeedPlan {
  const random = createRandom(0x1b0c);
  const contactCount = Math.max(1, Math.round(size.conversations * contactsPerConversation));
  const customers = customersOf(contactCount, 71);
  const counts = messageCounts(size, random);
  const conversations: PlannedConversation[] = [];
  for (let seq = 0; seq < size.conversations; seq++) {
    const messages = counts[seq] as number;
    const latest = seq < contactCount;
    const contact = latest ? seq : (seq - contactCount) % contactCount;
    // Only latest conversations can be active, so they are active more often than `activeShare`.
    const active =
      latest && random.chance(messages >= giantMinimum ? 0.5 : activeShare / contactsPerConversation);
    const span = spanOf(messages, random);
    let lastMs: number;
    if (active) lastMs = now - 7 * dayMs * random.next() ** 2;
    else if (messages >= giantMinimum) lastMs = now - 3 * dayMs * random.next();
    else if (latest) lastMs = now - yearMs * random.next() ** 1.3;
    else {
      // An earlier conversation of the customer: over before the latest one began.
      const later = conversations[contact] as PlannedConversation;
      lastMs = later.firstMs - dayMs - random.next() * Math.max(30 * dayMs, later.firstMs - (now - yearMs));
    }
    lastMs = Math.floor(lastMs);
    const firstMs = Math.floor(lastMs - span);
    const status = active ? pickActiveStatus(random) : "resolved";
    const assigneeId = random.chance(active ? 0.55 : 0.85) ? random.pickSkewed(agents) : null;
    const lastDirection = random.chance(active ? 0.7 : 0.4) ? "inbound" : "outbound";
    const step = span / (messages - 1);
    conversations.push({
      seq,
      id: uuidV7(firstMs, random),
      contact,
      status,
      assigneeId,
      authorId: assigneeId ?? random.pickSkewed(agents),
      messages,
      firstMs,
      lastMs,
      lastDirection,
      lastBody: random.pickSkewed(lastDirection === "inbound" ? customerPhrases : agentPhrases),
      lastInboundMs: Math.floor(lastDirection === "inbound" ? lastMs : lastMs - step),
      unreadCount: status === "open" && lastDirection === "inbound" ? 1 + random.int(4) : 0,
      snoozedUntilMs: status === "snoozed" ? now + hourMs + random.int(47 * hourMs) : null,
      resolvedMs: status === "resolved" ? Math.min(now, lastMs + random.int(2 * hourMs)) : null,
    });
  }
  const firstOfContact = new Map<number, number>();
  for (const conversation of conversations) {
    const known = firstOfContact.get(conversation.contact) ?? Number.POSITIVE_INFINITY;
    firstOfContact.set(conversation.contact, Math.min(known, conversation.firstMs));
  }
  const contacts = customers.map((customer, index) => {
    const phone = `+${customer.waId}`;
    const createdMs = Math.floor((firstOfContact.get(index) ?? now) - random.int(60_000));
    return {
      id: uuidV7(createdMs, random),
      name: customer.name,
      phone,
      waId: customer.waId,
      keys: contactSearchKeys({ name: customer.name, email: null, phone }),
      createdMs,
    };
  });
  return { contacts, conversations };
}

/** Per conversation (by seq): a long tail whose total is `size.messages`, the giants taking the rest. */
function messageCounts(size: InboxSeedSize, random: Random): number[] {
  const giants = Math.max(1, Math.round(size.conversations * giantShare));
  const counts: number[] = [];
  for (let seq = 0; seq < size.conversations; seq++) {
    const roll = random.next();
    if (roll < 0.97) counts.push(20 + Math.floor(81 * random.next() ** 1.6));
    else if (roll < 0.995) counts.push(100 + Math.floor(900 * random.next() ** 2));
    else counts.push(1_000 + random.int(4_000));
  }
  // The giants are some of the customers' latest conversations, spread through the seqs.
  const giantSeqs = new Set<number>();
  const latestCount = Math.max(1, Math.round(size.conversations * contactsPerConversation));
  while (giantSeqs.size < Math.min(giants, latestCount)) giantSeqs.add(random.int(latestCount));
  const others = counts.reduce((sum, count, seq) => (giantSeqs.has(seq) ? sum : sum + count), 0);
  const weights = [...giantSeqs].map(() => 0.3 + random.next() * 1.4);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = Math.max(size.messages - others, giantMinimum * giantSeqs.size);
  [...giantSeqs].forEach((seq, index) => {
    const share =
      index === giantSeqs.size - 1
        ? remaining
        : Math.max(
            giantMinimum,
            Math.round(((size.messages - others) * (weights[index] as number)) / weightSum),
          );
    counts[seq] = Math.min(share, remaining - giantMinimum * (giantSeqs.size - index - 1));
    remaining -= counts[seq] as number;
  });
  return counts;
}

/** Short threads happen within minutes to days; long ones over weeks; the giants over the year. */
function spanOf(messages: number, random: Random): number {
  if (messages >= giantMinimum) return (0.7 + 0.3 * random.next()) * yearMs;
  if (messages >= 1_000) return (30 + random.int(150)) * dayMs;
  if (messages > 100) return (1 + random.int(14)) * dayMs;
  return 10 * 60_000 + random.next() ** 2 * 2 * dayMs;
}

function pickActiveStatus(random: Random): PlannedConversation["status"] {
  const roll = random.next();
  return roll < 5 / 6.5 ? "open" : roll < 6 / 6.5 ? "pending" : "snoozed";
}
