import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";
import type { Role } from "../members/members-api";

export type ApiKey = Schemas["ApiKey"];
export type CreatedApiKey = Schemas["CreatedApiKey"];

type ApiKeyPage = { data: ApiKey[]; nextCursor: string | null };

const pageSize = 20;

export async function fetchApiKeys(cursor: string | undefined): Promise<ApiKeyPage> {
  const { data, error, response } = await api.GET("/api/v1/api-keys", {
    params: { query: { limit: pageSize, cursor } },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function createApiKey(input: { name: string; role: Role }): Promise<CreatedApiKey> {
  const { data, error, response } = await api.POST("/api/v1/api-keys", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function revokeApiKey(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export const apiKeysQuery = infiniteQueryOptions({
  queryKey: ["api-keys"],
  queryFn: ({ pageParam }) => fetchApiKeys(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});
