import { z } from "zod";

/**
 * Codes worth retrying later, from Meta's error code reference
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/):
 * the throttling family — 4 app call limit, 80007 WABA rate limit, 130429 throughput reached,
 * 131048 spam rate limit, 131056 business/consumer pair rate limit, 133016 register/deregister
 * rate limit — and the transient ones: 1 API Unknown ("possible server error"), 2 API Service
 * ("temporary due to downtime or overload"), 131000 "Something went wrong", 131016 "Service unavailable".
 */
const retryableCodes: ReadonlySet<number> = new Set([
  4, 80007, 130429, 131048, 131056, 133016, 1, 2, 131000, 131016,
]);

export type WhatsAppApiErrorFields = {
  /** 0 when no HTTP answer came back (connection refused, reset, timeout). */
  httpStatus: number;
  code: number;
  subcode?: number;
  title: string;
  message: string;
  details?: string;
  fbtraceId?: string;
};

/** A failed Cloud API call, with what a caller needs to decide between retrying and giving up. */
export class WhatsAppApiError extends Error {
  override readonly name = "WhatsAppApiError";
  readonly httpStatus: number;
  readonly code: number;
  readonly subcode?: number;
  readonly title: string;
  readonly details?: string;
  readonly fbtraceId?: string;
  readonly retryable: boolean;

  constructor(fields: WhatsAppApiErrorFields, options?: { cause?: unknown; retryable?: boolean }) {
    super(fields.message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.title = fields.title;
    this.details = fields.details;
    this.fbtraceId = fields.fbtraceId;
    this.retryable = options?.retryable ?? isRetryableFailure(fields.httpStatus, fields.code);
  }
}

export function isRetryableFailure(httpStatus: number, code: number): boolean {
  return httpStatus === 429 || httpStatus >= 500 || retryableCodes.has(code);
}

const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    error_user_title: z.string().optional(),
    title: z.string().optional(),
    error_user_msg: z.string().optional(),
    // The messages API sends an object; the template API sometimes a plain string.
    error_data: z.union([z.looseObject({ details: z.string().optional() }), z.string()]).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** Turns a non-2xx answer (`{"error": {...}}` or anything else a proxy returned) into an error. */
export function readApiError(httpStatus: number, body: unknown): WhatsAppApiError {
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success) {
    const text = typeof body === "string" ? body.slice(0, 200) : "";
    return new WhatsAppApiError({
      httpStatus,
      code: 0,
      title: `HTTP ${httpStatus}`,
      message: text || `The WhatsApp Cloud API answered HTTP ${httpStatus} without a Graph error body.`,
    });
  }
  const error = parsed.data.error;
  const details = typeof error.error_data === "string" ? error.error_data : error.error_data?.details;
  return new WhatsAppApiError({
    httpStatus,
    code: error.code ?? 0,
    subcode: error.error_subcode,
    title: error.error_user_title ?? error.title ?? error.type ?? `HTTP ${httpStatus}`,
    // error_user_msg is Meta's explanation for people (why a template was refused, for example).
    message: error.error_user_msg ?? error.message ?? details ?? `HTTP ${httpStatus}`,
    details,
    fbtraceId: error.fbtrace_id,
  });
}

/** A call that got no HTTP answer: always worth retrying. */
export function createNetworkError(cause: unknown, timeoutMs: number): WhatsAppApiError {
  const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  return new WhatsAppApiError(
    {
      httpStatus: 0,
      code: 0,
      title: timedOut ? "Timeout" : "Network error",
      message: timedOut
        ? `The WhatsApp Cloud API did not answer within ${timeoutMs} ms.`
        : `The WhatsApp Cloud API could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
    },
    { cause, retryable: true },
  );
}
