import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type MyOrganization = Schemas["MyOrganization"];

export async function fetchOrganizations(): Promise<MyOrganization[]> {
  const { data, error, response } = await api.GET("/api/v1/organizations");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.data;
}

export const organizationsQuery = queryOptions({
  queryKey: ["organizations"],
  queryFn: fetchOrganizations,
});
