import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { listContacts } from "../apps/server/src/modules/crm/contacts/repo.ts";
import { loadVocabulary, selectionCondition } from "../apps/server/src/modules/crm/contacts/selection.ts";
import { resolveSort } from "../apps/server/src/modules/crm/filter/sort.ts";
import type { Db } from "../apps/server/src/platform/db/client.ts";
import { withTenant } from "../apps/server/src/platform/db/tenancy.ts";
import { type ContactRequest, contactsPath, type QueryKind } from "./crm-queries.ts";
import type { BenchOrganization } from "./lib/crm-organizations.ts";
import type { Recorder } from "./lib/figures.ts";
import { measureRequestKinds, trimPlan } from "./lib/request-kinds.ts";

/**
 * Every kind of contact list request through the real API: a few requests alone, then load at a
 * steady 50 req/s (the target applies there) and at saturation. A kind that misses the target gets
 * the plan of its slowest request in the notes, as PostgreSQL runs it for the app (application
 * role, row-level security on).
 */
export async function measureContactQueries(
  recorder: Recorder,
  options: { baseUrl: string; organization: BenchOrganization; databaseUrl: string; kinds: QueryKind[] },
) {
  await measureRequestKinds(recorder, {
    group: "crm",
    label: "search and lists",
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.organization.apiKey}` },
    databaseUrl: options.databaseUrl,
    kinds: options.kinds,
    pathOf: contactsPath,
    explain: (request) => explainContactQuery(options.databaseUrl, options.organization.id, request),
  });
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the page query the contacts service runs for `request`: the service's
 * own steps (vocabulary, selection, repository) run once on a connection that records its SQL, in a
 * tenant transaction as the app runs it (application role, row-level security on); the page
 * statement is then explained there.
 */
async function explainContactQuery(databaseUrl: string, tenantId: string, request: ContactRequest) {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c jit=off" });
  await client.connect();
  const statements: { query: string; params: unknown[] }[] = [];
  const db = drizzle(client, {
    casing: "snake_case",
    logger: { logQuery: (query, params) => statements.push({ query, params }) },
  }) as unknown as Db;
  try {
    return await withTenant(db, tenantId, async (tx) => {
      const vocabulary = await loadVocabulary(tx, tenantId);
      const query = request.query;
      const sort = resolveSort(query.sort, query.order as "asc" | "desc" | undefined, vocabulary.catalogue);
      const page = { sort, after: request.position, limit: Number(query.limit ?? 50) + 1 };
      const where = await selectionCondition(tx, tenantId, query, vocabulary, "querystring", { page });
      await listContacts(tx, tenantId, where, sort, page);
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
