import { api } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export async function requestPasswordReset(input: { email: string }): Promise<string> {
  const { data, error, response } = await api.POST("/api/v1/auth/password-reset/request", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.message;
}

export async function confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
  const { error, response } = await api.POST("/api/v1/auth/password-reset/confirm", { body: input });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}
