import { randomInt } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { WhatsAppContext } from "./context.ts";
import { sandboxFailure } from "./failures.ts";
import type { RegisteredNumber } from "./state.ts";
import { seedWabaTemplates } from "./templates.ts";

const textFields = [
  "wabaId",
  "displayPhoneNumber",
  "verifiedName",
  "accessToken",
  "appSecret",
  "verifyToken",
  "callbackUrl",
] as const;
type Registration = Record<(typeof textFields)[number], string> & { autoRead: boolean };

const graphIdPattern = /^\d{1,32}$/;
const handshakeTimeoutMs = 5000;

function readRegistration(phoneNumberId: string, body: unknown): Registration {
  if (!graphIdPattern.test(phoneNumberId))
    throw sandboxFailure(400, "phoneNumberId must be digits, as Meta's ids are");
  const input = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const missing = textFields.filter((field) => typeof input[field] !== "string" || input[field] === "");
  if (missing.length > 0) throw sandboxFailure(400, `Missing or empty: ${missing.join(", ")}`);
  const registration = Object.fromEntries(textFields.map((field) => [field, input[field]])) as Registration;
  if (!graphIdPattern.test(registration.wabaId))
    throw sandboxFailure(400, "wabaId must be digits, as Meta's ids are");
  if (
    !URL.canParse(registration.callbackUrl) ||
    !/^https?:$/.test(new URL(registration.callbackUrl).protocol)
  )
    throw sandboxFailure(400, "callbackUrl must be an http(s) URL");
  if (input.autoRead !== undefined && typeof input.autoRead !== "boolean")
    throw sandboxFailure(400, "autoRead must be a boolean");
  return { ...registration, autoRead: input.autoRead === true };
}

/** Meta's subscription check: the callback must echo hub.challenge when given the right verify token. */
async function verifyCallbackUrl(callbackUrl: string, verifyToken: string) {
  const challenge = String(randomInt(1_000_000_000, 2 ** 31 - 1));
  const url = new URL(callbackUrl);
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.verify_token", verifyToken);
  url.searchParams.set("hub.challenge", challenge);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(handshakeTimeoutMs) });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause?.toString() ?? error.message) : String(error);
    throw sandboxFailure(400, `The callback URL could not be verified: ${reason}`);
  }
  const text = await response.text();
  if (!response.ok)
    throw sandboxFailure(400, `The callback URL could not be verified: it answered HTTP ${response.status}`);
  if (text !== challenge)
    throw sandboxFailure(
      400,
      `The callback URL could not be verified: it answered ${JSON.stringify(text.slice(0, 80))} instead of the challenge`,
    );
}

function presentNumber(number: RegisteredNumber) {
  return {
    phoneNumberId: number.phoneNumberId,
    wabaId: number.wabaId,
    displayPhoneNumber: number.displayPhoneNumber,
    verifiedName: number.verifiedName,
    callbackUrl: number.callbackUrl,
    autoRead: number.autoRead,
    qualityRating: number.qualityRating,
    messagingLimitTier: number.messagingLimitTier,
    throughputLevel: number.throughputLevel,
    registeredAt: number.registeredAt.toISOString(),
  };
}

/** Stands in for Meta's app dashboard: which numbers exist, their tokens and where their webhooks go. */
export function registerNumberRoutes(app: FastifyInstance, context: WhatsAppContext) {
  const { state } = context;

  app.put<{ Params: { phoneNumberId: string } }>("/numbers/:phoneNumberId", async (request) => {
    const { phoneNumberId } = request.params;
    const registration = readRegistration(phoneNumberId, request.body);
    await verifyCallbackUrl(registration.callbackUrl, registration.verifyToken);
    state.numbers.set(phoneNumberId, {
      ...registration,
      phoneNumberId,
      qualityRating: "GREEN",
      messagingLimitTier: "TIER_1K",
      throughputLevel: "STANDARD",
      registeredAt: new Date(),
    });
    seedWabaTemplates(state, registration.wabaId);
    return { ok: true };
  });

  app.get("/numbers", async () => ({ data: [...state.numbers.values()].map(presentNumber) }));

  app.delete<{ Params: { phoneNumberId: string } }>("/numbers/:phoneNumberId", async (request) => {
    if (!state.numbers.delete(request.params.phoneNumberId))
      throw sandboxFailure(404, "No number is registered with this id");
    return { ok: true };
  });
}
