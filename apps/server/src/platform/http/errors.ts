export type ErrorKind =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "rate_limited"
  | "internal"
  | "unavailable";

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

const titleByKind: Record<ErrorKind, string> = {
  bad_request: "Bad request",
  validation: "Invalid request",
  unauthorized: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Request body too large",
  unprocessable: "Unprocessable request",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

export type FieldError = { field: string; message: string };

/** The one error family services throw; the HTTP layer turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly title: string;

  constructor(
    readonly kind: ErrorKind,
    readonly detail: string,
    readonly extras: {
      errors?: FieldError[];
      code?: string;
      retryAfterSeconds?: number;
      /** Further members of the problem document, e.g. the challenge of a second sign-in step. */
      extensions?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.status = statusByKind[kind];
    this.title = titleByKind[kind];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
};

export function problemFrom(error: AppError, requestId?: string): Problem {
  return {
    type: `urn:sbos:problem:${error.kind.replaceAll("_", "-")}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    ...(error.extras.code ? { code: error.extras.code } : {}),
    ...(error.extras.errors ? { errors: error.extras.errors } : {}),
    ...error.extras.extensions,
    ...(requestId ? { requestId } : {}),
  };
}
