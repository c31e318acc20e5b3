import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { contactSummaryQuery } from "../../apps/server/src/modules/crm/contacts/summaries.ts";
import * as conversationsRepo from "../../apps/server/src/modules/inbox/conversations/repo.ts";
import * as messagesRepo from "../../apps/server/src/modules/inbox/messages/repo.ts";
import type { Db, Executor } from "../../apps/server/src/platform/db/client.ts";
import { withTenant } from "../../apps/server/src/platform/db/tenancy.ts";
import { decodeSortCursor, encodeSortCursor } from "../../apps/server/src/platform/http/pagination.ts";
import { planTable } from "./inbox-seed-messages.ts";
import type { RequestKind } from "./request-kinds.ts";
import { trimPlan } from "./request-kinds.ts";

/** A conversation list request, or a page of one conversation's messages. */
export type InboxRequest = { query: Record<string, string>; conversationId?: string };

export const inboxPath = (request: InboxRequest) => {
  const query = new URLSearchParams(request.query).toString();
  const base = request.conversationId
    ? `/api/v1/conversations/${request.conversationId}/messages`
    : "/api/v1/conversations";
  return query ? `${base}?${query}` : base;
};

const resolvedPagesFollowed = 20;
const deepShares = [0.1, 0.3, 0.5, 0.7, 0.9];
const bigConversations = 5;
const messagesBack = [5_000, 5_010, 5_020];
const smallConversations = 200;

/**
 * The inbox requests of the seeded organisation, by kind: first pages of the usual views, resolved
 * pages reached by following `nextCursor` and deep in the list, each agent's conversations, and
 * message pages of the largest conversations (newest, and 5,000 messages back) and of small ones.
 */
export async function buildInboxKinds(options: {
  baseUrl: string;
  headers: Record<string, string>;
  databaseUrl: string;
  tenantId: string;
  agents: string[];
}): Promise<RequestKind<InboxRequest>[]> {
  const followed = await followCursors(options.baseUrl, options.headers, { status: "resolved" });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows: counted } = await client.query<{ resolved: number }>(
      "select count(*)::int as resolved from conversations where tenant_id = $1 and status = 'resolved'",
      [options.tenantId],
    );
    const deep: InboxRequest[] = [];
    for (const share of deepShares) {
      const { rows } = await client.query<{ at: Date; id: string }>(
        `select last_message_at as at, id from conversations where tenant_id = $1 and status = 'resolved'
         order by last_message_at desc, id desc offset $2 limit 1`,
        [options.tenantId, Math.floor((counted[0]?.resolved ?? 0) * share)],
      );
      for (const row of rows) {
        deep.push({ query: { status: "resolved", cursor: encodeSortCursor(row.at.toISOString(), row.id) } });
      }
    }
    const { rows: big } = await client.query<{ id: string; messages: number }>(
      `select conversation_id as id, messages from ${planTable} order by messages desc limit $1`,
      [bigConversations],
    );
    const back: InboxRequest[] = [];
    for (const conversation of big) {
      for (const offset of messagesBack.filter((offset) => offset < conversation.messages)) {
        const { rows } = await client.query<{ at: Date; id: string }>(
          `select occurred_at as at, id from messages where tenant_id = $1 and conversation_id = $2
           order by occurred_at desc, id desc offset $3 limit 1`,
          [options.tenantId, conversation.id, offset],
        );
        for (const row of rows) {
          back.push({
            conversationId: conversation.id,
            query: { cursor: encodeSortCursor(row.at.toISOString(), row.id) },
          });
        }
      }
    }
    const { rows: small } = await client.query<{ id: string }>(
      `select conversation_id as id from ${planTable} where messages between 20 and 100
       order by hashint4(seq) limit $1`,
      [smallConversations],
    );
    const biggest = big[0]?.messages ?? 0;
    const kinds: RequestKind<InboxRequest>[] = [
      { name: "conversations status=active, first page", requests: [{ query: { status: "active" } }] },
      { name: "conversations view=unassigned, first page", requests: [{ query: { view: "unassigned" } }] },
      {
        name: `conversations status=resolved, pages 2–${followed.length + 1} by nextCursor`,
        requests: followed.map((cursor) => ({ query: { status: "resolved", cursor } })),
      },
      { name: "conversations status=resolved, deep keyset page (10%–90%)", requests: deep },
      {
        name: `conversations assigneeId= (${options.agents.length} agents, active and resolved)`,
        requests: options.agents.flatMap((assigneeId): InboxRequest[] => [
          { query: { assigneeId } },
          { query: { assigneeId, status: "resolved" } },
        ]),
      },
      {
        name: `messages of the ${big.length} largest conversations (${biggest.toLocaleString("en-US")} max), newest page`,
        requests: big.map((conversation) => ({ conversationId: conversation.id, query: {} })),
      },
      { name: "messages of the largest conversations, page 5,000 messages back", requests: back },
      {
        name: `messages of ${small.length} conversations of 20–100 messages, newest page`,
        requests: small.map((conversation) => ({ conversationId: conversation.id, query: {} })),
      },
    ];
    return kinds.filter((kind) => kind.requests.length > 0);
  } finally {
    await client.end();
  }
}

/** The `nextCursor`s of a list's pages 2, 3, … as the API hands them out. */
async function followCursors(
  baseUrl: string,
  headers: Record<string, string>,
  query: Record<string, string>,
) {
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${baseUrl}/api/v1/conversations?${params}`, { headers });
    const page = (await response.json()) as { nextCursor: string | null };
    if (response.status !== 200) throw new Error(`the conversation list answered ${response.status}`);
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && cursors.length < resolvedPagesFollowed - 1);
  return cursors;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the list query the inbox's repository builds for `request`: the
 * repository runs once on a connection that records its SQL, in a tenant transaction as the app
 * runs it (application role, row-level security on); its statement is then explained there.
 */
export async function explainInboxRequest(databaseUrl: string, tenantId: string, request: InboxRequest) {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c jit=off" });
  await client.connect();
  const statements: { query: string; params: unknown[] }[] = [];
  const db = drizzle(client, {
    casing: "snake_case",
    logger: { logQuery: (query, params) => statements.push({ query, params }) },
  }) as unknown as Db;
  try {
    return await withTenant(db, tenantId, async (tx) => {
      await runRepository(tx, tenantId, request);
      const statement = statements.at(-1);
      if (!statement) throw new Error("the repository ran no statement");
      const result = await client.query<{ "QUERY PLAN": string }>(
        `explain (analyze, buffers) ${statement.query}`,
        statement.params,
      );
      return trimPlan(result.rows.map((row) => row["QUERY PLAN"]));
    });
  } finally {
    await client.end();
  }
}

/** The repository call the conversation or message service makes for this request (page size 50, one more fetched). */
async function runRepository(tx: Executor, tenantId: string, request: InboxRequest) {
  const { query } = request;
  const limit = Number(query.limit ?? 50) + 1;
  const position = decodeSortCursor(query.cursor);
  const at = position?.value ? { at: position.value, id: position.id } : undefined;
  if (request.conversationId) {
    return messagesRepo.listMessages(tx, tenantId, request.conversationId, { before: at, limit });
  }
  const assigneeId = query.assigneeId ?? (query.view === "unassigned" ? null : undefined);
  const status = (query.status ?? "active") as conversationsRepo.ConversationListFilter["status"];
  return conversationsRepo.listConversations(
    tx,
    tenantId,
    { status, assigneeId },
    { after: at, limit },
    contactSummaryQuery,
  );
}
