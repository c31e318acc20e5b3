import type { ContactFilter, ContactListParams } from "./contacts-api";

export type ContactsSearch = ContactListParams;

const maxDepth = 2;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isFilter(value: unknown, depth = 0): value is ContactFilter {
  if (typeof value !== "object" || value === null || depth > maxDepth) return false;
  const candidate = value as { match?: unknown; conditions?: unknown };
  if (candidate.match !== "all" && candidate.match !== "any") return false;
  if (!Array.isArray(candidate.conditions)) return false;
  return candidate.conditions.every(
    (entry) =>
      isFilter(entry, depth + 1) ||
      (typeof entry === "object" &&
        entry !== null &&
        typeof (entry as { field?: unknown }).field === "string" &&
        typeof (entry as { operator?: unknown }).operator === "string"),
  );
}

/**
 * The list's search params, from a link someone may have typed by hand: anything unreadable is dropped
 * rather than failing the page. The server still checks the filter and answers a 400 naming what is wrong.
 */
export function validateContactsSearch(search: Record<string, unknown>): ContactsSearch {
  const result: ContactsSearch = {};
  // The router parses `?q=0612` as a number; a search is always text.
  const q = typeof search.q === "number" ? String(search.q) : search.q;
  if (typeof q === "string" && q.trim() !== "") result.q = q;
  if (typeof search.segment === "string" && uuidPattern.test(search.segment)) result.segment = search.segment;
  if (typeof search.sort === "string" && search.sort !== "") result.sort = search.sort;
  if (search.order === "asc" || search.order === "desc") result.order = search.order;
  if (isFilter(search.filter) && search.filter.conditions.length > 0) result.filter = search.filter;
  return result;
}

/** The list's last search, filter and order, so "All contacts" on a contact's page returns to that view. */
export const lastListSearch: { current: ContactsSearch } = { current: {} };
