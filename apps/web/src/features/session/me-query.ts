import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type Me = Schemas["Me"];

export async function fetchMe(): Promise<Me> {
  const { data, error, response } = await api.GET("/api/v1/me");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ProblemError && error.problem.status === 401;
}

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: fetchMe,
  // Retrying a 401 would only repeat the same answer and delay the redirect to sign-in.
  retry: (failureCount, error) => !isUnauthorized(error) && failureCount < 1,
});
