import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type Session = Schemas["Session"];

export async function fetchSessions(): Promise<Session[]> {
  const { data, error, response } = await api.GET("/api/v1/auth/sessions");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.data;
}

export async function signOutSession(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/auth/sessions/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export const sessionsQuery = queryOptions({ queryKey: ["sessions"], queryFn: fetchSessions });
