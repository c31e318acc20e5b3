import { and, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../../platform/db/client.ts";
import { textArray } from "../../../platform/db/text-array.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { compileFilter } from "../filter/compile-filter.ts";
import { contactFieldCatalogue, type FieldKind } from "../filter/field-catalogue.ts";
import { type ContactFilter, contactFilter } from "../filter/filter-dto.ts";
import type { ContactSort, SortPosition } from "../filter/sort.ts";
import { findSegment } from "../segments/repo.ts";
import { findQueryVocabulary } from "../settings/repo.ts";
import { companies, contacts } from "../tables.ts";
import type { ContactSelection } from "./dto.ts";
import { type SearchPrefixes, searchPrefixesOf } from "./search-keys.ts";

/** What a contact query runs against: the organisation's fields (custom ones included) and phone country. */
export type ContactVocabulary = { catalogue: Map<string, FieldKind>; defaultCountry: string | null };

export async function loadVocabulary(executor: Executor, tenantId: string): Promise<ContactVocabulary> {
  const { definitions, defaultCountry } = await findQueryVocabulary(executor, tenantId);
  return { catalogue: contactFieldCatalogue(definitions), defaultCountry };
}

/** A filter given as JSON text (a query parameter), checked; errors name `path`. */
export function parseFilterParam(text: string, path: string): ContactFilter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("validation", "The filter is not valid JSON.", {
      errors: [{ field: path, message: "not valid JSON" }],
    });
  }
  const result = contactFilter.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("validation", `The filter is not valid: ${issue?.message}.`, {
      errors: result.error.issues.map((problem) => ({
        field: [path, ...problem.path].join("."),
        message: problem.message,
      })),
    });
  }
  return result.data;
}

/** Matches beyond which a list page walks its sort index instead (docs/crm.md, "Search"). */
const commonTermMatches = 2000;
/** Companies a term can name at once: their contacts are found too. */
const companiesPerTerm = 100;
/** Phone prefixes the probe function takes (`searchPrefixesOf` makes at most three). */
const maxPhonePrefixes = 3;
/** Sorts after every character, so `[prefix, prefix + highest)` is every text starting with prefix. */
const highest = "\u{10FFFF}";

/** A prefix range under a text_pattern_ops index: both operators are leakproof, so RLS lets it use the index. */
const startsWith = (column: SQL | AnyPgColumn, prefix: string) =>
  sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${prefix + highest})`;
/**
 * The same test that no index can answer, so that PostgreSQL walks the list's sort index testing
 * rows: it cannot estimate pattern ranges (it guessed 1 row for a term matching 6,669) and would
 * otherwise collect and sort every match of a common term.
 */
const startsWithTested = (column: SQL | AnyPgColumn, prefix: string) =>
  sql`starts_with(coalesce(${column}, ''), ${prefix})`;

/**
 * Each way a contact matches the search term: the start of one of its search keys. A list page's
 * probe, `sbos_contact_search_ids` (migration 0019), tests the same keys: change both together.
 */
function searchMatches(
  tenantId: string,
  prefixes: SearchPrefixes,
  test: typeof startsWith = startsWith,
): SQL[] {
  const matchingCompanies = sql`array(select ${companies.id} from ${companies}
    where ${companies.tenantId} = ${tenantId} and ${startsWith(companies.searchName, prefixes.text)}
    limit ${companiesPerTerm})`;
  return [
    test(contacts.searchName, prefixes.text),
    test(contacts.searchNameRest, prefixes.text),
    test(contacts.email, prefixes.text),
    test(contacts.emailDomain, prefixes.text),
    sql`${contacts.companyId} = any(${matchingCompanies})`,
    ...prefixes.phones.map((phone) => test(contacts.phone, phone)),
    ...prefixes.phoneEndings.map((ending) => test(contacts.phoneReversed, ending)),
  ];
}

const anyOf = (conditions: SQL[]) => sql`(${sql.join(conditions, sql` or `)})`;

/**
 * The search box's condition: any search key starting with the term. For counts, exports and bulk
 * actions the planner combines the keys' indexes. A list page first probes each key's index for at
 * most `commonTermMatches` ids (index-only range scans that stop there; one row comes back, the ids
 * or null): a rare term reads just those ids; a common one walks the list's sort index testing each
 * row, and fills a page within a few thousand.
 */
async function searchCondition(
  executor: Executor,
  tenantId: string,
  q: string,
  defaultCountry: string | null,
  purpose: SelectionPurpose | { page: ListPage; narrowsAlone: boolean },
): Promise<SQL> {
  const prefixes = searchPrefixesOf(q, defaultCountry);
  if (!prefixes) return sql`false`;
  const matches = searchMatches(tenantId, prefixes);
  if (purpose === "all") return anyOf(matches);
  const page = { narrowsAlone: false, ...purpose };
  if (prefixes.phones.length > maxPhonePrefixes || prefixes.phoneEndings.length > 1)
    throw new Error("sbos_contact_search_ids takes at most three phone prefixes and one ending");
  const probe = await executor.execute<{ ids: string | null }>(
    sql`select sbos_contact_search_ids(${prefixes.text}, ${textArray(prefixes.phones)}::text[],
      ${textArray(prefixes.phoneEndings)}::text[], ${commonTermMatches}) as ids`,
  );
  const ids = probe.rows[0]?.ids ?? null;
  if (ids === null) return anyOf(searchMatches(tenantId, prefixes, startsWithTested));
  return sql`${contacts.id} = any(${page.narrowsAlone ? idsOnPage(ids, page.page) : ids}::uuid[])`;
}

/**
 * `all` for counts, exports and bulk actions; for a list page, the page read: only its first rows
 * in sort order are wanted.
 */
export type SelectionPurpose = "all" | { page: ListPage };
export type ListPage = { sort: ContactSort; after?: SortPosition; limit: number };

/**
 * A search's ids cut to the page itself when nothing else narrows the selection and the list is in
 * id order (the default): the page then reads `limit` rows, not every match.
 */
function idsOnPage(ids: string, page: ListPage): string {
  if (page.sort.expression) return ids;
  const descending = page.sort.direction === "desc";
  const afterId = page.after?.id;
  const sorted = (ids === "{}" ? [] : ids.slice(1, -1).split(","))
    .filter((id) => afterId === undefined || (descending ? id < afterId : id > afterId))
    .sort();
  if (descending) sorted.reverse();
  return `{${sorted.slice(0, page.limit).join(",")}}`;
}

/** The SQL condition of a selection (search, filter and segment, combined with AND). */
export async function selectionCondition(
  executor: Executor,
  tenantId: string,
  selection: ContactSelection & { parsedFilter?: ContactFilter },
  vocabulary: ContactVocabulary,
  path: string,
  purpose: SelectionPurpose = "all",
): Promise<SQL | undefined> {
  const parts: SQL[] = [];
  const filter =
    selection.parsedFilter ??
    (selection.filter ? parseFilterParam(selection.filter, `${path}.filter`) : undefined);
  if (selection.q) {
    const narrowsAlone = !filter && !selection.segmentId;
    const searchPurpose = purpose === "all" ? purpose : { ...purpose, narrowsAlone };
    parts.push(
      await searchCondition(executor, tenantId, selection.q, vocabulary.defaultCountry, searchPurpose),
    );
  }
  if (filter) parts.push(compileFilter(filter, vocabulary.catalogue, `${path}.filter`));
  if (selection.segmentId) {
    const segment = await findSegment(executor, tenantId, selection.segmentId);
    if (!segment) throw notFound("The segment");
    parts.push(compileFilter(segment.filter as ContactFilter, vocabulary.catalogue, "segment.filter"));
  }
  return parts.length > 0 ? and(...parts) : undefined;
}
