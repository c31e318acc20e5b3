import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../../lib/api";
import { ProblemError, toProblem } from "../../../lib/problem";
import type { ContactListParams } from "../contacts-api";

export type BulkAction = Schemas["BulkAction"];
export type BulkOperation = Schemas["BulkOperation"];
export type BulkSelection = Schemas["BulkSelection"];

/** What `crm.bulk.progress` carries on the realtime socket. */
export type BulkProgressEvent = {
  operationId: string;
  processed: number;
  total: number;
  status: BulkOperation["status"];
};

/** The server changes at most this many listed contacts per call. */
const maxIdsPerCall = 1_000;

export const isBulkFinished = (status: BulkOperation["status"] | undefined) =>
  status === "completed" || status === "failed";

const fail = (error: unknown, response: Response) =>
  new ProblemError(toProblem(error as Parameters<typeof toProblem>[0], response));

/** The list's search, filter and segment as the bulk route's selection. */
export function selectionOf(params: Pick<ContactListParams, "q" | "filter" | "segment">): BulkSelection {
  return {
    q: params.q || undefined,
    filter: params.filter && params.filter.conditions.length > 0 ? params.filter : undefined,
    segmentId: params.segment,
  };
}

/** Applies the action to listed contacts at once, a thousand per call; answers how many were changed. */
export async function applyToContacts(action: BulkAction, contactIds: readonly string[]): Promise<number> {
  let processed = 0;
  for (let start = 0; start < contactIds.length; start += maxIdsPerCall) {
    const { data, error, response } = await api.POST("/api/v1/contacts/bulk", {
      body: { action, contactIds: contactIds.slice(start, start + maxIdsPerCall) },
    });
    if (!data) throw fail(error, response);
    processed += data.processed;
  }
  return processed;
}

/** Queues the action for every contact of the selection; its progress arrives as events. */
export async function applyToSelection(action: BulkAction, selection: BulkSelection): Promise<BulkOperation> {
  const { data, error, response } = await api.POST("/api/v1/contacts/bulk", { body: { action, selection } });
  if (!data || !("id" in data)) throw fail(error, response);
  return data;
}

async function fetchOperation(id: string): Promise<BulkOperation> {
  const { data, error, response } = await api.GET("/api/v1/contacts/bulk/{id}", { params: { path: { id } } });
  if (!data) throw fail(error, response);
  return data;
}

export const bulkOperationQuery = (id: string) =>
  queryOptions({ queryKey: ["bulk-operations", id], queryFn: () => fetchOperation(id) });
