import pg from "pg";
import { agentPhrases, customerPhrases, notePhrases } from "./inbox-phrases.ts";

/** The seed's own bookkeeping beside the app's tables: one row per conversation, how its messages go. */
export const planTable = "bench_inbox_plan";

export const createPlanTable = `
  create table ${planTable} (seq int primary key, conversation_id uuid not null, wa_id text not null,
    messages int not null, first_ms bigint not null, step_ms double precision not null, last_ms bigint not null,
    author_id uuid not null, last_direction text not null, last_body text not null)`;

/**
 * The messages whose time falls in [$3, $4) ms, for every conversation of the plan, sorted by time
 * so the table's pages fill in arrival order (a conversation's messages end up scattered among
 * everyone else's, as in production). Message k of a conversation is at first + step·(k − 1 + jitter);
 * the last one is exactly the conversation's `last_message_at` with its preview and direction.
 * Everything else follows from a hash of (conversation, k): ~1 in 53 is an internal note, 55% of
 * the rest inbound (6% of those image or voice), outbound mostly read, 3% failed.
 */
const insertWindow = `
  insert into messages (tenant_id, id, conversation_id, channel_id, direction, kind, type, body, content,
    provider_message_id, status, status_at, error_code, error_title, author_id, occurred_at, created_at)
  select $1::uuid, id, conversation_id, $2::uuid, direction, kind, type, body,
    case
      when kind = 'note' then '{}'::jsonb
      when direction = 'outbound' then jsonb_build_object('outbound',
        jsonb_build_object('type', 'text', 'body', body, 'previewUrl', false))
      else jsonb_build_object('from', wa_id, 'id', wamid, 'timestamp', (ms / 1000)::text, 'type', type) ||
        case type
          when 'text' then jsonb_build_object('text', jsonb_build_object('body', body))
          when 'image' then jsonb_build_object('image',
            jsonb_build_object('id', substr(hex, 1, 16), 'mime_type', 'image/jpeg', 'sha256', hex))
          else jsonb_build_object('audio',
            jsonb_build_object('id', substr(hex, 1, 16), 'mime_type', 'audio/ogg; codecs=opus', 'voice', true))
        end
    end,
    wamid,
    case
      when kind = 'note' then 'internal'
      when direction = 'inbound' then 'received'
      when outcome < 70 then 'read'
      when outcome < 90 then 'delivered'
      when outcome < 97 then 'sent'
      else 'failed'
    end,
    case when direction = 'outbound' and kind = 'message' then at + (1 + r % 30) * interval '1 second' end,
    case when direction = 'outbound' and kind = 'message' and outcome >= 97 then 131047 end,
    case when direction = 'outbound' and kind = 'message' and outcome >= 97 then 'Re-engagement message' end,
    case when direction = 'outbound' then author_id end,
    at, at
  from (
    select s.*,
      (lpad(to_hex(ms), 12, '0') || '7' || substr(hex, 1, 3) || '8' || substr(hex, 4, 15))::uuid as id,
      case when kind = 'message' then 'wamid.HBgM' || encode(decode(hex, 'hex'), 'base64') end as wamid,
      timestamptz 'epoch' + ms * interval '1 millisecond' as at,
      case
        when kind = 'note' then ($7::text[])[1 + (r / 7) % cardinality($7::text[])]
        when k = messages then last_body
        when type = 'image' then '📷 Photo'
        when type = 'audio' then '🎤 Audio'
        when direction = 'inbound' then ($5::text[])[1 + (r / 7) % cardinality($5::text[])]
        else ($6::text[])[1 + (r / 7) % cardinality($6::text[])]
      end as body
    from (
      select g.*,
        case when k = messages then last_ms
          else floor(first_ms + step_ms * (k - 1 + (r % 800) / 1000.0))::bigint end as ms,
        case when k > 1 and k < messages and r % 53 = 0 then 'note' else 'message' end as kind,
        case when k = messages then last_direction when k = 1 then 'inbound' when r % 53 = 0 then 'outbound'
          when (r / 53) % 100 < 55 then 'inbound' else 'outbound' end as direction,
        case when k = messages or k = 1 or r % 53 = 0 or (r / 53) % 100 >= 55 then 'text'
          when (r / 5300) % 100 < 4 then 'image' when (r / 5300) % 100 < 6 then 'audio' else 'text' end as type,
        (r / 530000) % 100 as outcome
      from (
        select p.*, k, abs(hashint8(p.seq::bigint * 1000003 + k)::bigint) as r,
          md5(p.seq::text || '.' || k::text) as hex
        from ${planTable} p
        cross join lateral generate_series(
          greatest(1, ceil(($3::bigint - p.first_ms) / p.step_ms)::int + 1),
          least(p.messages, ceil(($4::bigint - p.first_ms) / p.step_ms)::int)) as k
        where p.first_ms < $4::bigint and p.last_ms >= $3::bigint
      ) g
    ) s
  ) m
  order by at`;

/**
 * Inserts every planned message in time windows on `lanes` connections at once (the work is in
 * PostgreSQL: one backend per core), as the owner without triggers or per-row key checks.
 */
export async function loadMessages(
  databaseUrl: string,
  options: {
    tenantId: string;
    channelId: string;
    fromMs: number;
    toMs: number;
    windows: number;
    lanes: number;
  },
  onProgress: (inserted: number) => void,
): Promise<number> {
  const width = Math.ceil((options.toMs - options.fromMs) / options.windows);
  let next = 0;
  let inserted = 0;
  const lane = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("set session_replication_role = replica");
      await client.query("set synchronous_commit = off");
      await client.query("set work_mem = '256MB'");
      while (next < options.windows) {
        const from = options.fromMs + width * next++;
        const result = await client.query(insertWindow, [
          options.tenantId,
          options.channelId,
          from,
          from + width,
          customerPhrases,
          agentPhrases,
          notePhrases,
        ]);
        inserted += result.rowCount ?? 0;
        onProgress(inserted);
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
  return inserted;
}
