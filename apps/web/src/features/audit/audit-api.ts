import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type AuditEvent = Schemas["AuditEvent"];

type AuditPage = { data: AuditEvent[]; nextCursor: string | null };

const pageSize = 25;

export async function fetchAuditEvents(action: string, cursor: string | undefined): Promise<AuditPage> {
  const { data, error, response } = await api.GET("/api/v1/audit-events", {
    params: { query: { action: action || undefined, limit: pageSize, cursor } },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

/** The CSV export as a plain link, so the browser downloads it with the session cookie. */
export function auditExportHref(action: string): string {
  const query = action ? `?${new URLSearchParams({ action })}` : "";
  return `/api/v1/audit-events/export${query}`;
}

export function auditEventsQuery(action: string) {
  return infiniteQueryOptions({
    queryKey: ["audit-events", action],
    queryFn: ({ pageParam }) => fetchAuditEvents(action, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
