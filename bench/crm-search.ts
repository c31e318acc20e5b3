import { and, eq, sql } from "drizzle-orm";
import { loadVocabulary, selectionCondition } from "../apps/server/src/modules/crm/contacts/selection.ts";
import { after, orderBy, resolveSort, sortKey } from "../apps/server/src/modules/crm/filter/sort.ts";
import { contacts } from "../apps/server/src/modules/crm/tables.ts";
import { openDatabase } from "../apps/server/src/platform/db/client.ts";
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
 * EXPLAIN (ANALYZE, BUFFERS) of the page query the contacts service runs for `request`, built with
 * the service's own selection and sort code, in a tenant transaction as the app runs it.
 */
async function explainContactQuery(databaseUrl: string, tenantId: string, request: ContactRequest) {
  const database = await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 });
  try {
    return await withTenant(database.db, tenantId, async (tx) => {
      const vocabulary = await loadVocabulary(tx, tenantId);
      const query = request.query;
      const where = await selectionCondition(tx, tenantId, query, vocabulary, "querystring", "page");
      const sort = resolveSort(query.sort, query.order as "asc" | "desc" | undefined, vocabulary.catalogue);
      const page = tx
        .select({ contact: contacts, sortKey: sortKey(sort) })
        .from(contacts)
        .where(
          and(
            eq(contacts.tenantId, tenantId),
            where,
            request.position ? after(sort, request.position) : undefined,
          ),
        )
        .orderBy(orderBy(sort))
        .limit(Number(query.limit ?? 50) + 1);
      const result = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${page}`);
      return trimPlan(result.rows.map((row) => row["QUERY PLAN"]));
    });
  } finally {
    await database.close();
  }
}
