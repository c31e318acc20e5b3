import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import type { paths } from "../../lib/api-schema";
import { ProblemError, toProblem } from "../../lib/problem";
import type { CustomField } from "../contacts/contacts-api";

export type CrmSettings = Schemas["CrmSettings"];
export type CustomFieldType = CustomField["type"];
export type CustomFieldInput =
  paths["/api/v1/contact-fields"]["post"]["requestBody"]["content"]["application/json"];
export type CustomFieldChanges =
  paths["/api/v1/contact-fields/{id}"]["patch"]["requestBody"]["content"]["application/json"];

export const customFieldTypes: readonly CustomFieldType[] = [
  "text",
  "number",
  "date",
  "select",
  "multi_select",
  "boolean",
];

async function fetchCrmSettings(): Promise<CrmSettings> {
  const { data, error, response } = await api.GET("/api/v1/crm/settings");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function updateCrmSettings(input: { defaultCountry: string | null }): Promise<CrmSettings> {
  const { data, error, response } = await api.PATCH("/api/v1/crm/settings", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function createCustomField(input: CustomFieldInput): Promise<CustomField> {
  const { data, error, response } = await api.POST("/api/v1/contact-fields", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function updateCustomField(input: {
  id: string;
  changes: CustomFieldChanges;
}): Promise<CustomField> {
  const { data, error, response } = await api.PATCH("/api/v1/contact-fields/{id}", {
    params: { path: { id: input.id } },
    body: input.changes,
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function deleteCustomField(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/contact-fields/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export const crmSettingsQuery = queryOptions({ queryKey: ["crm-settings"], queryFn: fetchCrmSettings });
