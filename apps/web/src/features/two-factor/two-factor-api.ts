import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type TwoFactorSetup = Schemas["TwoFactorSetup"];

export async function setupTwoFactor(): Promise<TwoFactorSetup> {
  const { data, error, response } = await api.POST("/api/v1/auth/two-factor/setup");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function enableTwoFactor(input: { code: string }): Promise<string[]> {
  const { data, error, response } = await api.POST("/api/v1/auth/two-factor/enable", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.recoveryCodes;
}

export async function disableTwoFactor(input: { password: string }): Promise<void> {
  const { error, response } = await api.POST("/api/v1/auth/two-factor/disable", { body: input });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}
