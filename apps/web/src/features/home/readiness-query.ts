import { queryOptions } from "@tanstack/react-query";

export type CheckState = "ok" | (string & {});

/** Body of `GET /readyz`: 200 when every check is ok, 503 with the same shape otherwise. */
export type Readiness = {
  status: CheckState;
  checks: Record<string, CheckState>;
};

function isReadiness(body: unknown): body is Readiness {
  if (typeof body !== "object" || body === null) return false;
  const { status, checks } = body as Record<string, unknown>;
  return typeof status === "string" && typeof checks === "object" && checks !== null;
}

/** A 503 still carries which checks fail, so only an unreadable answer counts as an error. */
export async function fetchReadiness(): Promise<Readiness> {
  const response = await fetch("/readyz", { headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!isReadiness(body)) throw new Error(`Unexpected /readyz answer (HTTP ${response.status})`);
  return body;
}

export const readinessQuery = queryOptions({
  queryKey: ["readyz"],
  queryFn: fetchReadiness,
  refetchInterval: 30_000,
  retry: false,
});
