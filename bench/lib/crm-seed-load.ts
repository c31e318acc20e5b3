import pg from "pg";
import {
  emptyBatch,
  type OrganizationFiller,
  prepareOrganizationFiller,
  type RowBatch,
  type SeedTarget,
} from "./crm-seed-rows.ts";

/** Contacts per round for the largest organisation; the others get their share, so their rows interleave. */
const roundSize = 5_000;

const insertContacts = `
  insert into contacts (tenant_id, id, name, email, phone, phone_as_entered, other_emails, company_id,
    lifecycle_stage, source, language, timezone, custom_fields, search_name, search_name_rest, email_domain,
    phone_reversed, created_at, updated_at)
  select t, i, n, e, p, pa, coalesce(string_to_array(oe, ' '), '{}'), c, ls, s, l, tz, cf::jsonb, sn, snr, ed, pr,
    ca, ua
  from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
    $17::text[], $18::timestamptz[], $19::timestamptz[])
    as u(t, i, n, e, p, pa, oe, c, ls, s, l, tz, cf, sn, snr, ed, pr, ca, ua)`;
const insertContactTags = `
  insert into contact_tags (tenant_id, contact_id, tag_id, created_at)
  select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])`;
const insertConsents = `
  insert into consents (tenant_id, contact_id, channel, status, method, evidence, changed_at)
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`;

export type LoadedRows = { contacts: number; contactTags: number; consents: number };

/**
 * Inserts the organisations' generated contacts, tag links and consents in rounds, as the database
 * owner with triggers (and so per-row foreign key checks) off; the database inserts one round while
 * the next is generated. `onRound` hears the running totals.
 */
export async function loadOrganizations(
  databaseUrl: string,
  targets: SeedTarget[],
  now: number,
  onRound: (totals: LoadedRows) => void,
): Promise<LoadedRows> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query("set synchronous_commit = off");
    const fillers: OrganizationFiller[] = [];
    for (const target of targets) fillers.push(await prepareOrganizationFiller(client, target, now));
    const largest = Math.max(...targets.map((target) => target.contacts));
    const totals: LoadedRows = { contacts: 0, contactTags: 0, consents: 0 };
    let pending: Promise<void> | undefined;
    while (fillers.some((filler) => filler.remaining() > 0)) {
      const batch = emptyBatch();
      for (const filler of fillers) {
        filler.fill(batch, Math.ceil((roundSize * filler.target.contacts) / largest));
      }
      await pending;
      pending = insertBatch(client, batch);
      totals.contacts += batch.contacts[0]?.length ?? 0;
      totals.contactTags += batch.contactTags[0]?.length ?? 0;
      totals.consents += batch.consents[0]?.length ?? 0;
      onRound({ ...totals });
    }
    await pending;
    return totals;
  } finally {
    await client.end();
  }
}

async function insertBatch(client: pg.Client, batch: RowBatch) {
  await client.query(insertContacts, batch.contacts);
  if ((batch.contactTags[0]?.length ?? 0) > 0) await client.query(insertContactTags, batch.contactTags);
  if ((batch.consents[0]?.length ?? 0) > 0) await client.query(insertConsents, batch.consents);
}
