import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import { pageOf, singlePage } from "../../platform/http/pagination.ts";
import { publicBaseUrl } from "../../platform/http/public-url.ts";
import type { ZodApp } from "../../platform/module.ts";
import {
  acceptedSchema,
  myOrganizationSchema,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  sessionParams,
  sessionSchema,
  signedInSchema,
  signInBody,
  signUpBody,
  switchOrganizationBody,
} from "./auth-dto.ts";
import type { AuthService } from "./auth-service.ts";
import type { AuthThrottle } from "./auth-throttle.ts";
import type { PasswordResetService } from "./password-reset-service.ts";
import { clearSessionCookie, setSessionCookie } from "./session-auth.ts";

const tags = ["auth"];
const clientOf = (request: { ip: string; headers: { "user-agent"?: string } }) => ({
  ip: request.ip,
  userAgent: request.headers["user-agent"],
});

export function registerAuthRoutes(
  app: ZodApp,
  service: AuthService,
  resets: PasswordResetService,
  throttle: AuthThrottle,
  publicUrl: string | undefined,
) {
  app.post(
    "/api/v1/auth/password-reset/request",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Email a password reset link (the answer never tells whether the account exists)",
        security: [],
        body: passwordResetRequestBody,
        response: { 202: acceptedSchema },
      },
    },
    async (request, reply) => {
      await throttle.countAttempt(request.ip);
      resets.requestReset(request.body.email, publicBaseUrl(request, publicUrl));
      return reply.code(202).send({ message: "If an account uses this email, a reset link is on its way." });
    },
  );

  app.post(
    "/api/v1/auth/password-reset/confirm",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Choose a new password with a reset link's token (signs every session out)",
        security: [],
        body: passwordResetConfirmBody,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await throttle.countAttempt(request.ip);
      await resets.confirmReset(request.body.token, request.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/v1/auth/sign-up",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Create an account and its organisation, and sign in",
        security: [],
        body: signUpBody,
        response: { 201: signedInSchema },
      },
    },
    async (request, reply) => {
      await throttle.countAttempt(request.ip);
      const { token, ...signedIn } = await service.signUp(request.body, clientOf(request));
      setSessionCookie(request, reply, token);
      return reply.code(201).send(signedIn);
    },
  );

  app.post(
    "/api/v1/auth/sign-in/email",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Sign in with email and password (sets the session cookie)",
        security: [],
        body: signInBody,
        response: { 200: signedInSchema },
      },
    },
    async (request, reply) => {
      await throttle.countAttempt(request.ip);
      const { token, ...signedIn } = await throttle.guardSignIn(request.body.email, () =>
        service.signIn(request.body, clientOf(request)),
      );
      setSessionCookie(request, reply, token);
      return signedIn;
    },
  );

  app.post(
    "/api/v1/auth/sign-out",
    {
      config: { allowRestricted: true },
      schema: { tags, summary: "Sign out of this session", response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      await service.signOut(requireActor(request));
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/auth/sessions",
    {
      config: { allowRestricted: true },
      schema: {
        tags,
        summary: "My signed-in sessions, most recent first",
        response: { 200: pageOf(sessionSchema) },
      },
    },
    async (request) => singlePage(await service.listSessions(requireActor(request))),
  );

  app.delete(
    "/api/v1/auth/sessions/:id",
    {
      config: { allowRestricted: true },
      schema: {
        tags,
        summary: "Sign one of my sessions out",
        params: sessionParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.endSession(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/organizations",
    {
      config: { allowRestricted: true },
      schema: {
        tags,
        summary: "The organisations I belong to, with my role in each",
        response: { 200: pageOf(myOrganizationSchema) },
      },
    },
    async (request) => singlePage(await service.listOrganizations(requireActor(request))),
  );

  app.post(
    "/api/v1/auth/active-organization",
    {
      config: { allowRestricted: true },
      schema: {
        tags,
        summary: "Switch this session to another of my organisations",
        body: switchOrganizationBody,
        response: { 200: myOrganizationSchema },
      },
    },
    (request) => service.switchOrganization(requireActor(request), request.body.organizationId),
  );
}
