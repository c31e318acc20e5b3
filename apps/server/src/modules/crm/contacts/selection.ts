import { and, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { escapeLike } from "../../../platform/db/like.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { compileFilter } from "../filter/compile-filter.ts";
import { contactFieldCatalogue, type FieldKind } from "../filter/field-catalogue.ts";
import { type ContactFilter, contactFilter } from "../filter/filter-dto.ts";
import { findSegment } from "../segments/repo.ts";
import { findSettings, listCustomFields } from "../settings/repo.ts";
import { contacts } from "../tables.ts";
import type { ContactSelection } from "./dto.ts";
import { normalisePhone, phoneDigits } from "./phone.ts";

/** What a contact query runs against: the organisation's fields (custom ones included) and phone country. */
export type ContactVocabulary = { catalogue: Map<string, FieldKind>; defaultCountry: string | null };

export async function loadVocabulary(executor: Executor, tenantId: string): Promise<ContactVocabulary> {
  const definitions = await listCustomFields(executor, tenantId);
  const settings = await findSettings(executor, tenantId);
  return { catalogue: contactFieldCatalogue(definitions), defaultCountry: settings?.defaultCountry ?? null };
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

/** Matches of a term beyond which a list page walks its sort index instead (docs/crm.md, "Search"). */
const commonTermMatches = 1000;

/**
 * The LIKE patterns of what someone typed: lower-cased text anywhere, or the digits of a phone
 * however it is typed. A term shorter than three characters has no trigram to look up, so it
 * matches the start or the end of a word: `杨伟` finds 杨伟明, `小明` finds 王小明, `li` finds
 * "Li Wei", "Lisa" and "Ali"; padded like that, each pattern has a trigram the index can use.
 */
export function searchPatterns(q: string, defaultCountry: string | null): string[] {
  const term = q.trim().toLowerCase();
  const patterns = new Set<string>();
  if ([...term].length < 3) {
    const escaped = escapeLike(term);
    for (const pattern of [`${escaped}%`, `% ${escaped}%`, `%${escaped}`, `%${escaped} %`])
      patterns.add(pattern);
  } else {
    patterns.add(`%${escapeLike(term)}%`);
  }
  const digits = phoneDigits(q);
  if (digits.length >= 3) patterns.add(`%${digits}%`);
  const e164 = normalisePhone(q, defaultCountry);
  if (e164) patterns.add(`%${phoneDigits(e164)}%`);
  return [...patterns];
}

const patternArray = (patterns: string[]) =>
  sql`array[${sql.join(
    patterns.map((pattern) => sql`${pattern}`),
    sql`, `,
  )}]::text[]`;

/**
 * The search box's condition. The trigram lookup runs in `sbos_contact_search` (see its migration:
 * LIKE cannot use an index under row-level security) and answers the tenant's matching ids. For a
 * page of a list, a term matching more than `commonTermMatches` contacts is instead tested row by
 * row while the list walks its sort index: a page fills after a few thousand rows at most, where
 * collecting every match of "Müller" first took 300 ms.
 */
async function searchCondition(
  executor: Executor,
  q: string,
  defaultCountry: string | null,
  purpose: SelectionPurpose,
): Promise<SQL> {
  const patterns = searchPatterns(q, defaultCountry);
  if (purpose === "all") {
    return sql`${contacts.id} in (select sbos_contact_search(${patternArray(patterns)}))`;
  }
  const probe = await executor.execute<{ id: string }>(
    sql`select sbos_contact_search(${patternArray(patterns)}, ${commonTermMatches + 1}) as id`,
  );
  if (probe.rows.length > commonTermMatches) {
    return sql`sbos_search_text_matches(${contacts.searchText}, ${patternArray(patterns)})`;
  }
  const ids = [...new Set(probe.rows.map((row) => row.id))];
  return sql`${contacts.id} = any(${`{${ids.join(",")}}`}::uuid[])`;
}

/** `page` when only the first rows in sort order are read (a list page); `all` for counts, exports, bulk. */
export type SelectionPurpose = "page" | "all";

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
  if (selection.q)
    parts.push(await searchCondition(executor, selection.q, vocabulary.defaultCountry, purpose));
  const filter =
    selection.parsedFilter ??
    (selection.filter ? parseFilterParam(selection.filter, `${path}.filter`) : undefined);
  if (filter) parts.push(compileFilter(filter, vocabulary.catalogue, `${path}.filter`));
  if (selection.segmentId) {
    const segment = await findSegment(executor, tenantId, selection.segmentId);
    if (!segment) throw notFound("The segment");
    parts.push(compileFilter(segment.filter as ContactFilter, vocabulary.catalogue, "segment.filter"));
  }
  return parts.length > 0 ? and(...parts) : undefined;
}
