import type { FastifyInstance } from "fastify";
import { readPublicBaseUrl, type WhatsAppContext } from "./context.ts";
import { invalidParameter } from "./failures.ts";
import { assertGraphVersion, authorizeMedia, authorizeNumber } from "./graph-auth.ts";
import { presentMediaInfo } from "./media.ts";
import type { RegisteredNumber } from "./state.ts";

type ObjectRoute = { Params: { version: string; objectId: string }; Querystring: { fields?: string } };

/** Graph answers these when no `fields` is asked for. */
const defaultPhoneNumberFields = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
];

function readPhoneNumberFields(number: RegisteredNumber): Record<string, unknown> {
  return {
    verified_name: number.verifiedName,
    code_verification_status: "VERIFIED",
    display_phone_number: number.displayPhoneNumber,
    quality_rating: number.qualityRating,
    messaging_limit_tier: number.messagingLimitTier,
    throughput: { level: number.throughputLevel },
    platform_type: "CLOUD_API",
    name_status: "APPROVED",
    account_mode: "LIVE",
    is_official_business_account: false,
  };
}

function presentPhoneNumber(number: RegisteredNumber, fields: string | undefined) {
  const values = readPhoneNumberFields(number);
  const requested = fields
    ? fields
        .split(",")
        .map((field) => field.trim())
        .filter((field) => field !== "" && field !== "id")
    : defaultPhoneNumberFields;
  const unknown = requested.find((field) => !(field in values));
  if (unknown)
    throw invalidParameter(
      `Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessPhoneNumber)`,
    );
  return {
    ...Object.fromEntries(requested.map((field) => [field, values[field]])),
    id: number.phoneNumberId,
  };
}

/** `/{version}/{id}` is a phone number or a media object, as on Graph where ids share one space. */
export function registerGraphObjectRoutes(app: FastifyInstance, context: WhatsAppContext) {
  const { state } = context;

  app.get<ObjectRoute>("/:version/:objectId", async (request) => {
    const { version, objectId } = request.params;
    assertGraphVersion(version);
    if (state.media.has(objectId)) {
      const media = authorizeMedia(state, request, "get", objectId);
      return presentMediaInfo(media, readPublicBaseUrl(request, app.prefix));
    }
    const number = authorizeNumber(state, request, "get", objectId);
    return presentPhoneNumber(number, request.query.fields);
  });

  app.delete<ObjectRoute>("/:version/:objectId", async (request) => {
    const { version, objectId } = request.params;
    assertGraphVersion(version);
    authorizeMedia(state, request, "delete", objectId);
    state.media.delete(objectId);
    return { success: true };
  });
}
