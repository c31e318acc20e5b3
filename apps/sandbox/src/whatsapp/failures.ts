import { randomBytes } from "node:crypto";

/** A refusal with its HTTP status and exact body: Graph's error shape or the sandbox's own `{error}`. */
export class HttpFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${statusCode}`);
  }
}

const createTraceId = () => randomBytes(17).toString("base64").replace(/=+$/, "");

type GraphErrorFields = { message: string; type?: string; code: number; error_subcode?: number } & Record<
  string,
  unknown
>;

export function graphFailure(statusCode: number, fields: GraphErrorFields) {
  const { type = "OAuthException", ...rest } = fields;
  return new HttpFailure(statusCode, { error: { ...rest, type, fbtrace_id: createTraceId() } });
}

export function sandboxFailure(statusCode: number, error: string) {
  return new HttpFailure(statusCode, { error });
}

export const invalidToken = () =>
  graphFailure(401, { message: "Invalid OAuth access token - Cannot parse access token", code: 190 });

export const missingToken = () =>
  graphFailure(401, {
    message: "An active access token must be used to query information about the current application.",
    code: 190,
  });

export const unknownObject = (method: "get" | "post" | "delete", objectId: string) =>
  graphFailure(400, {
    message: `Unsupported ${method} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: "GraphMethodException",
    code: 100,
    error_subcode: 33,
  });

export const invalidParameter = (message: string) =>
  graphFailure(400, { message: `(#100) ${message}`, code: 100 });

/** An error as it appears in a `failed` status webhook (Cloud API error codes page). */
export type MessageError = {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
};

const errorCodesPage = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

const messageError = (code: number, title: string, details: string): MessageError => ({
  code,
  title,
  message: title,
  error_data: { details },
  href: errorCodesPage,
});

export const reengagementError = () =>
  messageError(
    131047,
    "Re-engagement message",
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  );

export const undeliverableError = () =>
  messageError(131026, "Message undeliverable", "Message Undeliverable.");

export const unknownTemplateError = (name: string, language: string) =>
  messageError(
    132001,
    "Template name does not exist in the translation",
    `template name (${name}) does not exist in ${language}`,
  );

export const templateParameterCountError = (given: number, expected: number) =>
  messageError(
    132000,
    "Number of parameters does not match the expected number of params",
    `body: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
  );

export const unknownMediaError = (mediaId: string) =>
  messageError(131053, "Media upload error", `Unable to retrieve media with id ${mediaId}.`);
