import { and, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { compileFilter, escapeLike } from "../filter/compile-filter.ts";
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

/**
 * The search box: lower-cased text anywhere, or the digits of a phone however it is typed. The
 * trigram lookup runs in `sbos_contact_search` (see its migration: LIKE cannot use an index under
 * row-level security); it answers the tenant's matching ids only.
 */
function searchCondition(q: string, defaultCountry: string | null): SQL {
  const patterns = new Set([q.toLowerCase()]);
  const digits = phoneDigits(q);
  if (digits.length >= 3) patterns.add(digits);
  const e164 = normalisePhone(q, defaultCountry);
  if (e164) patterns.add(phoneDigits(e164));
  const likePatterns = [...patterns].map((pattern) => sql`${`%${escapeLike(pattern)}%`}`);
  return sql`${contacts.id} in (select sbos_contact_search(array[${sql.join(likePatterns, sql`, `)}]::text[]))`;
}

/** The SQL condition of a selection (search, filter and segment, combined with AND). */
export async function selectionCondition(
  executor: Executor,
  tenantId: string,
  selection: ContactSelection & { parsedFilter?: ContactFilter },
  vocabulary: ContactVocabulary,
  path: string,
): Promise<SQL | undefined> {
  const parts: SQL[] = [];
  if (selection.q) parts.push(searchCondition(selection.q, vocabulary.defaultCountry));
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
