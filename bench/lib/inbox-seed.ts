import pg from "pg";
import { createPlanTable, loadMessages, planTable } from "./inbox-seed-messages.ts";
import { type InboxSeedSize, type PlannedConversation, planInboxSeed } from "./inbox-seed-plan.ts";
import { logProgress } from "./progress.ts";
import { createRandom, uuidV7 } from "./random.ts";
import { dropSecondaryIndexes, type IndexDefinition, rebuildIndexes } from "./seed-indexes.ts";

const loadedTables = ["contacts", "conversations", "messages"];
const agentCount = 8;
const batchSize = 5_000;
/** Time windows of about this many messages each: one INSERT … SELECT (and one sort) per window. */
const messagesPerWindow = 50_000;
const lanes = 2;

export type InboxSeedTarget = { tenantId: string; channelId: string; size: InboxSeedSize };
export type InboxSeedSummary = { contacts: number; conversations: number; messages: number; seconds: number };

/**
 * One organisation's inbox straight in SQL, as the database owner (no row-level security, no
 * triggers, no per-row key checks): agents (members), the customers as CRM contacts, the
 * conversations, then the messages generated inside PostgreSQL from a per-conversation plan kept in
 * `bench_inbox_plan`. Secondary indexes are dropped first and rebuilt after; then vacuum analyse.
 */
export async function seedInboxData(databaseUrl: string, target: InboxSeedTarget): Promise<InboxSeedSummary> {
  const started = performance.now();
  const now = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query("set synchronous_commit = off");
    const indexes = await dropSecondaryIndexes(client, loadedTables);
    const agents = await insertAgents(client, target.tenantId, now);
    const plan = planInboxSeed(target.size, agents, now);
    const tenantId = target.tenantId;
    for (let first = 0; first < plan.contacts.length; first += batchSize) {
      const rows = plan.contacts.slice(first, first + batchSize);
      await client.query(
        `insert into contacts (tenant_id, id, name, phone, phone_as_entered, lifecycle_stage, source, search_name,
           search_name_rest, phone_reversed, created_at, updated_at)
         select $1, id, name, phone, phone, stage, 'whatsapp', sn, snr, pr, ca, ca
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::timestamptz[]) as c(id, name, phone, stage, sn, snr, pr, ca)`,
        [
          tenantId,
          rows.map((row) => row.id),
          rows.map((row) => row.name),
          rows.map((row) => row.phone),
          rows.map((_, index) => ((first + index) % 3 === 0 ? "customer" : "lead")),
          rows.map((row) => row.keys.searchName),
          rows.map((row) => row.keys.searchNameRest),
          rows.map((row) => row.keys.phoneReversed),
          rows.map((row) => new Date(row.createdMs).toISOString()),
        ],
      );
    }
    await client.query(createPlanTable);
    for (let first = 0; first < plan.conversations.length; first += batchSize) {
      const rows = plan.conversations.slice(first, first + batchSize);
      await insertConversations(client, target, rows, plan.contacts);
    }
    const fromMs = plan.conversations.reduce((first, row) => Math.min(first, row.firstMs), now);
    const total = plan.conversations.reduce((sum, row) => sum + row.messages, 0);
    logProgress(
      `  inbox seed: ${plan.contacts.length.toLocaleString("en-US")} contacts and ${plan.conversations.length.toLocaleString("en-US")} conversations in; ${total.toLocaleString("en-US")} messages to go`,
    );
    let nextReport = 500_000;
    const messages = await loadMessages(
      databaseUrl,
      {
        tenantId,
        channelId: target.channelId,
        fromMs,
        toMs: now + 1,
        windows: Math.max(4, Math.ceil(total / messagesPerWindow)),
        lanes,
      },
      (inserted) => {
        if (inserted < nextReport) return;
        nextReport += 500_000;
        const perSecond = inserted / ((performance.now() - started) / 1000);
        logProgress(
          `  inbox seed: ${inserted.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} messages, ${Math.round(perSecond).toLocaleString("en-US")}/s`,
        );
      },
    );
    if (messages !== total) throw new Error(`planned ${total} messages but inserted ${messages}`);
    logProgress(
      `  inbox seed: messages in after ${((performance.now() - started) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes`,
    );
    await rebuildIndexes(databaseUrl, splitIndexes(indexes));
    logProgress("  inbox seed: vacuum and analyse");
    await client.query(`vacuum (analyze) ${[...loadedTables, planTable].join(", ")}`);
    return {
      contacts: plan.contacts.length,
      conversations: plan.conversations.length,
      messages,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

/**
 * Index builds over the lanes by rough cost, costliest first onto the least loaded lane: the
 * messages' indexes dwarf the rest, and a trigram (GIN) one costs several b-trees.
 */
function splitIndexes(indexes: IndexDefinition[]): IndexDefinition[][] {
  const costOf = (index: IndexDefinition) =>
    / ON public\.messages /.test(index.definition) ? (/ USING gin /.test(index.definition) ? 4 : 1) : 0.01;
  const split = Array.from({ length: lanes }, () => ({ cost: 0, indexes: [] as IndexDefinition[] }));
  for (const index of [...indexes].sort((a, b) => costOf(b) - costOf(a))) {
    const lightest = split.reduce((best, lane) => (lane.cost < best.cost ? lane : best));
    lightest.cost += costOf(index);
    lightest.indexes.push(index);
  }
  return split.map((lane) => lane.indexes);
}

/** The organisation's agents: members who can be assigned conversations and write the replies. */
async function insertAgents(client: pg.Client, tenantId: string, now: number): Promise<string[]> {
  const random = createRandom(0xa9e7);
  const ids = Array.from({ length: agentCount }, () => uuidV7(now, random));
  await client.query(
    `insert into users (id, email, name, password_hash)
     select id, 'agent' || n || '-' || $2 || '@bench.test', 'Agent ' || n, 'not a password hash'
     from unnest($1::uuid[]) with ordinality as a(id, n)`,
    [ids, tenantId.slice(0, 8)],
  );
  await client.query(
    "insert into memberships (tenant_id, user_id, role) select $1, id, 'member' from unnest($2::uuid[]) as a(id)",
    [tenantId, ids],
  );
  return ids;
}

/** The seeded organisation's agents, from its memberships (also after `--reuse`). */
export async function findAgents(databaseUrl: string, tenantId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "select user_id as id from memberships where tenant_id = $1 and role = 'member' order by user_id",
      [tenantId],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function insertConversations(
  client: pg.Client,
  target: InboxSeedTarget,
  rows: PlannedConversation[],
  contacts: { id: string; waId: string }[],
) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const contactOf = (row: PlannedConversation) => contacts[row.contact] as { id: string; waId: string };
  await client.query(
    `insert into conversations (tenant_id, id, channel_id, contact_id, customer_wa_id, status, snoozed_until,
       assignee_id, unread_count, last_message_at, last_message_preview, last_message_direction, last_inbound_at,
       resolved_at, created_at, updated_at)
     select $1, id, $2, contact_id, wa_id, status, snoozed_until, assignee_id, unread, last_at, preview, direction,
       last_inbound_at, resolved_at, created_at, coalesce(resolved_at, last_at)
     from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::uuid[], $9::int[],
       $10::timestamptz[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[])
       as c(id, contact_id, wa_id, status, snoozed_until, assignee_id, unread, last_at, preview, direction,
         last_inbound_at, resolved_at, created_at)`,
    [
      target.tenantId,
      target.channelId,
      rows.map((row) => row.id),
      rows.map((row) => contactOf(row).id),
      rows.map((row) => contactOf(row).waId),
      rows.map((row) => row.status),
      rows.map((row) => iso(row.snoozedUntilMs)),
      rows.map((row) => row.assigneeId),
      rows.map((row) => row.unreadCount),
      rows.map((row) => iso(row.lastMs)),
      rows.map((row) => row.lastBody),
      rows.map((row) => row.lastDirection),
      rows.map((row) => iso(row.lastInboundMs)),
      rows.map((row) => iso(row.resolvedMs)),
      rows.map((row) => iso(row.firstMs)),
    ],
  );
  await client.query(
    `insert into ${planTable} (seq, conversation_id, wa_id, messages, first_ms, step_ms, last_ms, author_id,
       last_direction, last_body)
     select * from unnest($1::int[], $2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::float8[], $7::bigint[],
       $8::uuid[], $9::text[], $10::text[])`,
    [
      rows.map((row) => row.seq),
      rows.map((row) => row.id),
      rows.map((row) => contactOf(row).waId),
      rows.map((row) => row.messages),
      rows.map((row) => row.firstMs),
      rows.map((row) => (row.lastMs - row.firstMs) / (row.messages - 1)),
      rows.map((row) => row.lastMs),
      rows.map((row) => row.authorId),
      rows.map((row) => row.lastDirection),
      rows.map((row) => row.lastBody),
    ],
  );
}
