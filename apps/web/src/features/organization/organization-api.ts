import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export async function renameOrganization(input: { name: string }): Promise<Schemas["Organization"]> {
  const { data, error, response } = await api.PATCH("/api/v1/organization", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function deleteOrganization(input: { confirm: string }): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/organization", { body: input });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export async function setRequireTwoFactor(input: {
  requireTwoFactor: boolean;
}): Promise<Schemas["OrganizationSettings"]> {
  const { data, error, response } = await api.PATCH("/api/v1/organization", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}
