import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import { pageOf, singlePage } from "../../platform/http/pagination.ts";
import { publicBaseUrl } from "../../platform/http/public-url.ts";
import type { ZodApp } from "../../platform/module.ts";
import { signedInSchema } from "./auth-dto.ts";
import {
  acceptInvitationBody,
  changeRoleBody,
  invitationParams,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenQuery,
  inviteBody,
  memberParams,
  memberSchema,
} from "./member-dto.ts";
import type { MemberService } from "./member-service.ts";
import { setSessionCookie } from "./session-auth.ts";

const tags = ["members"];

export function registerMemberRoutes(app: ZodApp, service: MemberService, publicUrl: string | undefined) {
  const baseUrlOf = (request: FastifyRequest) => publicBaseUrl(request, publicUrl);

  app.get(
    "/api/v1/members",
    {
      schema: {
        tags,
        summary: "The organisation's members and their roles",
        response: { 200: pageOf(memberSchema) },
      },
    },
    async (request) => singlePage(await service.listMembers(requireActor(request))),
  );

  app.patch(
    "/api/v1/members/:userId",
    {
      schema: {
        tags,
        summary: "Change a member's role",
        params: memberParams,
        body: changeRoleBody,
        response: { 200: memberSchema },
      },
    },
    (request) => service.changeRole(requireActor(request), request.params.userId, request.body.role),
  );

  app.delete(
    "/api/v1/members/:userId",
    {
      schema: {
        tags,
        summary: "Remove a member (or leave)",
        params: memberParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.removeMember(requireActor(request), request.params.userId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/invitations",
    {
      schema: {
        tags,
        summary: "Invitations sent, newest first",
        response: { 200: pageOf(invitationSchema) },
      },
    },
    async (request) => singlePage(await service.listInvitations(requireActor(request))),
  );

  app.post(
    "/api/v1/invitations",
    {
      schema: {
        tags,
        summary: "Invite someone by email",
        body: inviteBody,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.invite(requireActor(request), request.body, baseUrlOf(request))),
  );

  app.post(
    "/api/v1/invitations/:id/resend",
    {
      schema: {
        tags,
        summary: "Send a new link (7 more days)",
        params: invitationParams,
        response: { 200: invitationSchema },
      },
    },
    (request) => service.resend(requireActor(request), request.params.id, baseUrlOf(request)),
  );

  app.delete(
    "/api/v1/invitations/:id",
    {
      schema: {
        tags,
        summary: "Revoke an invitation",
        params: invitationParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.revoke(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/invitations/preview",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "What an invitation link offers (for the accept page)",
        security: [],
        querystring: invitationTokenQuery,
        response: { 200: invitationPreviewSchema },
      },
    },
    (request) => service.preview(request.query.token),
  );

  app.post(
    "/api/v1/invitations/accept",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Accept an invitation (sign in, or create the account) and sign in",
        security: [],
        body: acceptInvitationBody,
        response: { 200: signedInSchema },
      },
    },
    async (request, reply) => {
      const { token, ...signedIn } = await service.accept(request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setSessionCookie(request, reply, token);
      return signedIn;
    },
  );
}
