import { queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

export type Member = Schemas["Member"];
export type Invitation = Schemas["Invitation"];
export type Role = Member["role"];

export const roles: readonly Role[] = ["owner", "admin", "member"];

export async function fetchMembers(): Promise<Member[]> {
  const { data, error, response } = await api.GET("/api/v1/members");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.data;
}

export async function changeMemberRole(input: { userId: string; role: Role }): Promise<Member> {
  const { data, error, response } = await api.PATCH("/api/v1/members/{userId}", {
    params: { path: { userId: input.userId } },
    body: { role: input.role },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function removeMember(userId: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/members/{userId}", {
    params: { path: { userId } },
  });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export async function fetchInvitations(): Promise<Invitation[]> {
  const { data, error, response } = await api.GET("/api/v1/invitations");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.data;
}

export async function inviteMember(input: { email: string; role: Role }): Promise<Invitation> {
  const { data, error, response } = await api.POST("/api/v1/invitations", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function resendInvitation(id: string): Promise<void> {
  const { error, response } = await api.POST("/api/v1/invitations/{id}/resend", {
    params: { path: { id } },
  });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export async function revokeInvitation(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/invitations/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

export const membersQuery = queryOptions({ queryKey: ["members"], queryFn: fetchMembers });

export const invitationsQuery = queryOptions({ queryKey: ["invitations"], queryFn: fetchInvitations });
