import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";

export type Readiness = Schemas["Readiness"];

/** A 503 still carries which checks fail, so only an unreadable answer counts as an error. */
export async function fetchReadiness(): Promise<Readiness> {
  const { data, error, response } = await api.GET("/readyz");
  const body = data ?? error;
  if (!body) throw new Error(`Unexpected /readyz answer (HTTP ${response.status})`);
  return body;
}

export const readinessQuery = queryOptions({
  queryKey: ["readyz"],
  queryFn: fetchReadiness,
  refetchInterval: 30_000,
  retry: false,
});
