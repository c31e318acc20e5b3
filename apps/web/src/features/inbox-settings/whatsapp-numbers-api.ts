import { api } from "../../lib/api";
import type { paths } from "../../lib/api-schema";
import { ProblemError, toProblem } from "../../lib/problem";
import type { WhatsAppChannel } from "../inbox/inbox-api";

type ConnectNumberInput =
  paths["/api/v1/channels/whatsapp"]["post"]["requestBody"]["content"]["application/json"];
export type NumberChanges =
  paths["/api/v1/channels/whatsapp/{id}"]["patch"]["requestBody"]["content"]["application/json"];

/** Connects a Cloud API number (owners and admins); its name and quality are fetched right after by a job. */
export async function connectNumber(input: ConnectNumberInput): Promise<WhatsAppChannel> {
  const { data, error, response } = await api.POST("/api/v1/channels/whatsapp", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

/** Rotates the number's secrets or changes its send rate; fields left out stay as they are. */
export async function updateNumber(input: { id: string; changes: NumberChanges }): Promise<WhatsAppChannel> {
  const { data, error, response } = await api.PATCH("/api/v1/channels/whatsapp/{id}", {
    params: { path: { id: input.id } },
    body: input.changes,
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

/** Asks the provider again for the number's name, quality rating and tier; the answer arrives by a job. */
export async function refreshNumber(id: string): Promise<void> {
  const { error, response } = await api.POST("/api/v1/channels/whatsapp/{id}/refresh", {
    params: { path: { id } },
  });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

/** Disconnects the number, deleting its conversations. */
export async function disconnectNumber(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/channels/whatsapp/{id}", {
    params: { path: { id } },
  });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}
