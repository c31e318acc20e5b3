import { infiniteQueryOptions, keepPreviousData } from "@tanstack/react-query";
import { api, type Schemas } from "../../../lib/api";
import { ProblemError, toProblem } from "../../../lib/problem";
import { inboxKey } from "../inbox-api";

export type Template = Schemas["WhatsAppTemplate"];
export type TemplateSend = Schemas["SendTemplateInput"];

/** Every template query; a sync or a review outcome (`inbox.template.changed`) refreshes them all. */
export const templatesKey = [...inboxKey, "templates"] as const;

const pageSize = 30;

async function fetchApprovedTemplates(channelId: string, q: string, cursor: string | undefined) {
  const { data, error, response } = await api.GET("/api/v1/whatsapp/templates", {
    params: { query: { channelId, status: "APPROVED", q: q || undefined, cursor, limit: pageSize } },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

/** Asks for the number's templates to be fetched from Meta again; they arrive by a job (owners and admins). */
export async function syncTemplates(channelId: string): Promise<void> {
  const { error, response } = await api.POST("/api/v1/channels/whatsapp/{id}/templates/sync", {
    params: { path: { id: channelId } },
  });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

/** The number's approved templates whose name contains `q`: the only ones WhatsApp sends. */
export const approvedTemplatesQuery = (channelId: string, q: string) =>
  infiniteQueryOptions({
    queryKey: [...templatesKey, channelId, q],
    queryFn: ({ pageParam }) => fetchApprovedTemplates(channelId, q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The last answer stays while a search loads, so the list does not blink as one types.
    placeholderData: keepPreviousData,
  });
