import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type InvitationPreview = Schemas["InvitationPreview"];

export async function fetchInvitationPreview(token: string): Promise<InvitationPreview> {
  const { data, error, response } = await api.GET("/api/v1/invitations/preview", {
    params: { query: { token } },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function acceptInvitation(input: {
  token: string;
  password: string;
  name?: string;
}): Promise<Schemas["SignedIn"]> {
  const { data, error, response } = await api.POST("/api/v1/invitations/accept", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export function invitationPreviewQuery(token: string) {
  return queryOptions({
    queryKey: ["invitation-preview", token],
    queryFn: () => fetchInvitationPreview(token),
    // An invalid link stays invalid: asking again only delays the message.
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
