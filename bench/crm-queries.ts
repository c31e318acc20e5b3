import { parsePhoneNumberFromString } from "libphonenumber-js";
import pg from "pg";
import type { SortPosition } from "../apps/server/src/modules/crm/filter/sort.ts";
import { peopleOf, type SeedTarget } from "./lib/crm-seed-rows.ts";
import type { Person } from "./lib/people-generator.ts";

/** One request of a kind: its query string, and the keyset position its cursor encodes. */
export type ContactRequest = { query: Record<string, string>; position?: SortPosition };
export type QueryKind = { name: string; requests: ContactRequest[] };

const samplePeople = 3_000;
const deepOffsets = [100_000, 250_000, 500_000, 650_000, 800_000, 900_000, 950_000, 990_000];

export const contactsPath = (request: ContactRequest) =>
  `/api/v1/contacts?${new URLSearchParams(request.query).toString()}`;

/** What the API's cursors hold: the sort value as text and the row id, base64url JSON. */
const cursorOf = (position: SortPosition) =>
  Buffer.from(JSON.stringify([position.value, position.id]), "utf8").toString("base64url");

const searches = (terms: string[]): ContactRequest[] => [...new Set(terms)].map((q) => ({ query: { q } }));

/**
 * The contact list requests of the big organisation, by kind: search terms taken from people that
 * are in it (its generator's first people), filters over its tags, first and deep keyset pages.
 */
export async function buildQueryKinds(databaseUrl: string, target: SeedTarget): Promise<QueryKind[]> {
  const generator = peopleOf(target);
  const people: Person[] = [];
  for (let index = 0; index < samplePeople; index++) people.push(generator.next());
  const every = (step: number) => people.filter((_, index) => index % step === 0);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tags = await client.query<{ id: string }>(
      "select id from tags where tenant_id = $1 order by name",
      [target.tenantId],
    );
    const byId = await deepPositions(client, target.tenantId, "id desc", () => null);
    const byName = await deepPositions(client, target.tenantId, "name, id", (row) => row.name);
    const filter = (tagId: string) =>
      JSON.stringify({
        match: "all",
        conditions: [
          { field: "lifecycleStage", operator: "eq", value: "customer" },
          { field: "tags", operator: "has_any", value: [tagId] },
        ],
      });
    return [
      { name: "q full names (14 cultures, 10 scripts)", requests: searches(every(30).map((p) => p.name)) },
      {
        name: "q family names (14 cultures, 10 scripts)",
        requests: searches(every(30).map((p) => p.lastName)),
      },
      {
        name: "q email fragments",
        requests: searches(
          every(25).map((person, index) => {
            const local = person.email.split("@")[0] ?? person.email;
            return index % 3 === 0 ? person.email : local.slice(0, Math.max(6, local.length - 2));
          }),
        ),
      },
      { name: "q phone digits in 4 formats", requests: searches(every(25).map(phoneTerm)) },
      {
        name: "filter lifecycleStage=customer AND tags has_any",
        requests: tags.rows.map((tag) => ({ query: { filter: filter(tag.id) } })),
      },
      { name: "default list, first page", requests: [{ query: {} }] },
      {
        name: "default list, deep keyset page (100k-990k)",
        requests: byId.map((position) => ({ query: { cursor: cursorOf(position) }, position })),
      },
      { name: "sort=name, first page", requests: [{ query: { sort: "name" } }] },
      {
        name: "sort=name, deep keyset page (100k-990k)",
        requests: byName.map((position) => ({
          query: { sort: "name", cursor: cursorOf(position) },
          position,
        })),
      },
    ];
  } finally {
    await client.end();
  }
}

/** A phone the way someone types it into a search box: E.164, spaced, the last digits, or US national. */
function phoneTerm(person: Person, index: number): string {
  const phone = parsePhoneNumberFromString(person.phoneE164);
  if (!phone) throw new Error(`generated an unparsable phone ${person.phoneE164}`);
  switch (index % 4) {
    case 0:
      return phone.number;
    case 1:
      return phone.formatInternational();
    case 2:
      return phone.nationalNumber.slice(-7);
    default:
      return phone.country === "US"
        ? phone.formatNational()
        : phone.formatInternational().replaceAll(" ", "-");
  }
}

async function deepPositions(
  client: pg.Client,
  tenantId: string,
  order: string,
  sortValueOf: (row: { id: string; name: string }) => string | null,
): Promise<SortPosition[]> {
  const positions: SortPosition[] = [];
  for (const offset of deepOffsets) {
    const { rows } = await client.query<{ id: string; name: string }>(
      `select id, name from contacts where tenant_id = $1 order by ${order} offset $2 limit 1`,
      [tenantId, offset],
    );
    const row = rows[0];
    if (row) positions.push({ value: sortValueOf(row), id: row.id });
  }
  return positions;
}
