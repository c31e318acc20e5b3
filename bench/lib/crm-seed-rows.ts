import type pg from "pg";
import {
  contactSearchKeys,
  normaliseSearchText,
} from "../../apps/server/src/modules/crm/contacts/search-keys.ts";
import { createPeopleGenerator, type PeopleGenerator } from "./people-generator.ts";
import { tagNames } from "./people-names.ts";
import { createRandom, type Random, uuidV7 } from "./random.ts";

/** One organisation to fill: how many contacts, from which generator seed, with which default country. */
export type SeedTarget = { tenantId: string; contacts: number; seed: number; defaultCountry: string | null };

export const customFieldDefinitions = [
  { key: "plan", label: "Plan", type: "select", options: ["free", "starter", "pro", "business"] },
  { key: "score", label: "Lead score", type: "number", options: [] },
  { key: "birthday", label: "Birthday", type: "date", options: [] },
  { key: "vip", label: "VIP", type: "boolean", options: [] },
  {
    key: "interests",
    label: "Interests",
    type: "multi_select",
    options: ["shoes", "bags", "jewellery", "cosmetics", "electronics", "home"],
  },
  { key: "loyalty_id", label: "Loyalty card", type: "text", options: [] },
] as const;

const yearMs = 365 * 24 * 3600 * 1000;
const historyMs = 3 * yearMs;
const tagColors = ["#ef4444", "#f59e0b", "#10b981", "#3b82f6", "#8b5cf6", "#ec4899", "#6b7280"];

/** The generator of an organisation's contacts: its first people are its first (oldest) contacts. */
export function peopleOf(target: Pick<SeedTarget, "seed" | "contacts">): PeopleGenerator {
  return createPeopleGenerator({
    seed: target.seed,
    companyCount: Math.max(500, Math.round(target.contacts / 200)),
  });
}

/**
 * Column arrays of one batch, each bound as one array parameter and expanded by `unnest`: one
 * statement per table and batch.
 */
export type RowBatch = {
  contacts: (string | null)[][];
  contactTags: string[][];
  consents: (string | null)[][];
};

export const emptyBatch = (): RowBatch => ({
  contacts: Array.from({ length: 19 }, () => []),
  contactTags: Array.from({ length: 4 }, () => []),
  consents: Array.from({ length: 7 }, () => []),
});

/** Appends one row's values to the column arrays. */
function push<T>(columns: T[][], values: T[]) {
  for (let index = 0; index < values.length; index++) columns[index]?.push(values[index] as T);
}

export type OrganizationFiller = {
  target: SeedTarget;
  remaining(): number;
  fill(batch: RowBatch, n: number): void;
};

/**
 * Creates an organisation's settings, custom fields, tags and companies, and answers a filler that
 * adds its next contacts (with tags, custom values and consents) to a batch.
 */
export async function prepareOrganizationFiller(
  client: pg.Client,
  target: SeedTarget,
  now: number,
): Promise<OrganizationFiller> {
  const random = createRandom(target.seed ^ 0x5eed);
  const generator = peopleOf(target);
  const startedAt = new Date(now - historyMs);
  const tenantId = target.tenantId;

  if (target.defaultCountry) {
    await client.query(
      "insert into crm_settings (tenant_id, default_country) values ($1, $2) on conflict do nothing",
      [tenantId, target.defaultCountry],
    );
  }
  for (const field of customFieldDefinitions) {
    await client.query(
      "insert into custom_fields (tenant_id, id, key, label, type, options, created_at) values ($1, $2, $3, $4, $5, $6, $7)",
      [
        tenantId,
        uuidV7(startedAt.getTime(), random),
        field.key,
        field.label,
        field.type,
        field.options,
        startedAt,
      ],
    );
  }
  const tagIds = new Map(tagNames.map((name) => [name, uuidV7(startedAt.getTime(), random)]));
  await client.query(
    `insert into tags (tenant_id, id, name, color, created_at)
     select $1, id, name, color, $5 from unnest($2::uuid[], $3::text[], $4::text[]) as t(id, name, color)`,
    [tenantId, [...tagIds.values()], [...tagIds.keys()], tagNames.map((_, i) => tagColors[i % 7]), startedAt],
  );
  const companyIds = new Map<string, string>();
  for (const company of generator.companies) {
    if (!companyIds.has(company.domain)) companyIds.set(company.domain, uuidV7(startedAt.getTime(), random));
  }
  const companies = [...new Map(generator.companies.map((company) => [company.domain, company])).values()];
  await client.query(
    `insert into companies (tenant_id, id, name, search_name, domain, industry, size, created_at, updated_at)
     select $1, id, name, search_name, domain, industry, size, $7, $7
     from unnest($2::uuid[], $3::text[], $8::text[], $4::text[], $5::text[], $6::text[])
       as c(id, name, search_name, domain, industry, size)`,
    [
      tenantId,
      companies.map((company) => companyIds.get(company.domain)),
      companies.map((company) => company.name),
      companies.map((company) => company.domain),
      companies.map((company) => company.industry),
      companies.map((company) => company.size),
      startedAt,
      companies.map((company) => normaliseSearchText(company.name)),
    ],
  );

  let made = 0;
  const fill = (batch: RowBatch, n: number) => {
    for (let i = 0; i < n && made < target.contacts; i++, made++) {
      const person = generator.next();
      const createdMs =
        startedAt.getTime() + Math.floor(((made + random.next()) / target.contacts) * historyMs);
      const id = uuidV7(createdMs, random);
      const createdAt = new Date(createdMs).toISOString();
      const updatedAt = new Date(Math.min(now, createdMs + random.int(60 * 24 * 3600 * 1000))).toISOString();
      const otherEmails = random.chance(0.05) ? [`${person.email.split("@")[0]}@outlook.com`] : [];
      const keys = contactSearchKeys({ name: person.name, email: person.email, phone: person.phoneE164 });
      push(batch.contacts, [
        tenantId,
        id,
        person.name,
        person.email,
        person.phoneE164,
        person.phone,
        otherEmails.length > 0 ? otherEmails.join(" ") : null,
        person.company ? (companyIds.get(person.company.domain) ?? null) : null,
        person.lifecycleStage,
        person.source,
        person.language,
        person.timezone,
        JSON.stringify(customValues(random)),
        keys.searchName,
        keys.searchNameRest,
        keys.emailDomain,
        keys.phoneReversed,
        createdAt,
        updatedAt,
      ]);
      for (const tag of person.tags) {
        push(batch.contactTags, [tenantId, id, tagIds.get(tag) as string, createdAt]);
      }
      for (const { channel, status, method, evidence } of consentsOf(random)) {
        push(batch.consents, [tenantId, id, channel, status, method, evidence, updatedAt]);
      }
    }
  };
  return { target, remaining: () => target.contacts - made, fill };
}

function customValues(random: Random): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (random.chance(0.6)) values.plan = random.pickSkewed(["free", "starter", "pro", "business"]);
  if (random.chance(0.4)) values.score = random.int(101);
  if (random.chance(0.2)) {
    const month = String(1 + random.int(12)).padStart(2, "0");
    const day = String(1 + random.int(28)).padStart(2, "0");
    values.birthday = `${1950 + random.int(55)}-${month}-${day}`;
  }
  if (random.chance(0.3)) values.vip = random.chance(0.2);
  if (random.chance(0.25)) {
    const options = ["shoes", "bags", "jewellery", "cosmetics", "electronics", "home"];
    values.interests = [...new Set([random.pick(options), random.pick(options)])];
  }
  if (random.chance(0.15)) values.loyalty_id = `LY-${100_000 + random.int(900_000)}`;
  return values;
}

type SeedConsent = { channel: string; status: string; method: string; evidence: string | null };

function consentsOf(random: Random): SeedConsent[] {
  const consents: SeedConsent[] = [];
  const roll = random.next();
  if (roll < 0.3)
    consents.push({ channel: "whatsapp", status: "opted_in", method: "form", evidence: "Website form" });
  else if (roll < 0.33)
    consents.push({ channel: "whatsapp", status: "opted_out", method: "inbound_keyword", evidence: "STOP" });
  if (random.chance(0.12))
    consents.push({ channel: "email", status: "opted_in", method: "import", evidence: null });
  if (random.chance(0.03))
    consents.push({ channel: "sms", status: "opted_in", method: "manual", evidence: null });
  return consents;
}
