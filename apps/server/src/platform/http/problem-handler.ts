import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ZodApp } from "../module.ts";
import { AppError, type FieldError, problemFrom } from "./errors.ts";

const fastifyErrorKinds: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError("payload_too_large", "The request body exceeds the size limit."),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError("bad_request", "The request body is not valid JSON."),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError("bad_request", "The request declares a JSON body but sends none."),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError("bad_request", "Unsupported Content-Type: send application/json."),
};

/** Maps every error, ours or Fastify's, to RFC 9457 problem+json in one place. */
export function registerProblemHandler(app: ZodApp) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError("not_found", `No route matches ${request.method} ${request.url}.`),
    ),
  );
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.extras.retryAfterSeconds !== undefined) {
    reply.header("retry-after", String(error.extras.retryAfterSeconds));
  }
  return reply
    .code(error.status)
    .type("application/problem+json")
    .serializer(JSON.stringify)
    .send(problemFrom(error, request.id));
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const errors = error.validation.map((issue) => describeIssue(where, issue));
    const summary = errors.map((entry) => `${entry.field}: ${entry.message}`).join("; ");
    return new AppError("validation", `The request is invalid: ${summary}`, { errors });
  }
  if (error instanceof SyntaxError) return new AppError("bad_request", "The request body is not valid JSON.");
  const known = error.code ? fastifyErrorKinds[error.code] : undefined;
  if (known) return known();
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const kind =
      error.statusCode === 404 ? "not_found" : error.statusCode === 413 ? "payload_too_large" : "bad_request";
    return new AppError(kind, error.message);
  }
  return new AppError("internal", "The server could not complete the request; the error has been logged.");
}

type Issue = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

function describeIssue(where: string, issue: Issue): FieldError {
  const path = issue.instancePath.split("/").filter(Boolean);
  const unknownKeys =
    issue.keyword === "unrecognized_keys" ? (issue.params.keys as string[] | undefined) : undefined;
  if (unknownKeys?.length) {
    return {
      field: [where, ...path, unknownKeys[0]].join("."),
      message: `unknown field (${unknownKeys.join(", ")})`,
    };
  }
  return { field: [where, ...path].join("."), message: issue.message ?? "is invalid" };
}
