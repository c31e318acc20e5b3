import type { ContactListParams } from "./contacts-api";

export type ExportFormat = "csv" | "xlsx";

// The list's owner column shows a name; the export names the field it comes from.
const exportField = (columnId: string) => (columnId === "owner" ? "ownerId" : columnId);

/**
 * The download link of the list as it is: same search, filter, segment and visible columns. A plain
 * link, so the browser streams the file with the session cookie however many contacts there are.
 */
export function exportUrl(
  params: Pick<ContactListParams, "q" | "filter" | "segment">,
  format: ExportFormat,
  columnIds: readonly string[],
): string {
  const query = new URLSearchParams({ format });
  if (params.q) query.set("q", params.q);
  if (params.filter && params.filter.conditions.length > 0)
    query.set("filter", JSON.stringify(params.filter));
  if (params.segment) query.set("segmentId", params.segment);
  if (columnIds.length > 0) query.set("columns", columnIds.map(exportField).join(","));
  return `/api/v1/exports/contacts?${query}`;
}
