import type { FastifyInstance } from "fastify";
import type { WhatsAppContext } from "./context.ts";
import {
  invalidParameter,
  type MessageError,
  reengagementError,
  templateParameterCountError,
  undeliverableError,
  unknownMediaError,
  unknownTemplateError,
} from "./failures.ts";
import { assertGraphVersion, authorizeNumber } from "./graph-auth.ts";
import {
  type Conversation,
  createMessageId,
  ensureConversation,
  findMessageAnywhere,
  type RegisteredNumber,
  type TranscriptMessage,
  toWaId,
} from "./state.ts";
import { startStatusUpdates } from "./statuses.ts";
import { findTemplate, renderTemplateBody } from "./templates.ts";

type Fields = Record<string, unknown>;

const messageTypes = [
  "audio",
  "contacts",
  "document",
  "image",
  "interactive",
  "location",
  "reaction",
  "sticker",
  "template",
  "text",
  "video",
];
const mediaTypes = new Set(["audio", "document", "image", "sticker", "video"]);
const serviceWindowMs = 24 * 60 * 60 * 1000;
/** Test recipients that never receive anything: 1555000 then only zeros (15550000000, 155500000000, ...). */
const undeliverablePattern = /^1555000+$/;

const asFields = (value: unknown): Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};
const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const isCoordinate = (value: unknown) => value !== "" && value !== null && Number.isFinite(Number(value));

/** Meta's synchronous 400s for malformed content, the cheap ones. */
function validateContent(type: string, content: Fields, body: Fields) {
  const require = (ok: boolean, parameter: string) => {
    if (!ok) throw invalidParameter(`The parameter ${parameter} is required.`);
  };
  if (type === "contacts") require(Array.isArray(body.contacts) && body.contacts.length > 0, "contacts");
  else require(typeof body[type] === "object" && body[type] !== null, type);
  if (type === "text") {
    require(isText(content.body), "text['body']");
    if (String(content.body).length > 4096)
      throw invalidParameter("Param text['body'] must be at most 4096 characters long.");
  } else if (mediaTypes.has(type)) {
    require(isText(content.id) || isText(content.link), `${type}['id'] or ${type}['link']`);
  } else if (type === "template") {
    require(isText(content.name), "template['name']");
    require(isText(asFields(content.language).code), "template['language']['code']");
  } else if (type === "reaction") {
    require(isText(content.message_id), "reaction['message_id']");
    require(typeof content.emoji === "string", "reaction['emoji']");
  } else if (type === "interactive") {
    require(isText(content.type), "interactive['type']");
    require(typeof content.action === "object" && content.action !== null, "interactive['action']");
    if (content.type === "button" || content.type === "list")
      require(isText(asFields(content.body).text), "interactive['body']['text']");
  } else if (type === "location") {
    require(isCoordinate(content.latitude), "location['latitude']");
    require(isCoordinate(content.longitude), "location['longitude']");
  }
}

function describeContent(
  type: string,
  content: Fields,
  body: Fields,
): Pick<TranscriptMessage, "text" | "caption"> {
  if (type === "text") return { text: String(content.body) };
  if (mediaTypes.has(type)) {
    const caption = typeof content.caption === "string" ? content.caption : undefined;
    return { text: caption ?? "", ...(caption !== undefined && { caption }) };
  }
  if (type === "reaction") return { text: String(content.emoji) };
  if (type === "interactive") return { text: String(asFields(content.body).text ?? "") };
  if (type === "location")
    return { text: String(content.name ?? content.address ?? `${content.latitude}, ${content.longitude}`) };
  if (type === "contacts")
    return {
      text: (body.contacts as Fields[])
        .map((contact) => String(asFields(contact.name).formatted_name ?? ""))
        .join(", "),
    };
  return { text: "" };
}

/** Whether Meta would fail this accepted message later, and with what; completes a template's transcript line. */
function findDeliveryError(
  context: WhatsAppContext,
  number: RegisteredNumber,
  conversation: Conversation,
  message: TranscriptMessage,
  content: Fields,
): MessageError | undefined {
  if (undeliverablePattern.test(conversation.waId)) return undeliverableError();
  if (message.type === "template") {
    const name = String(content.name);
    const language = String(asFields(content.language).code);
    message.template = name;
    const template = findTemplate(context.state, number.wabaId, name, language);
    if (template?.status !== "APPROVED") return unknownTemplateError(name, language);
    const rendered = renderTemplateBody(template, content.components);
    message.text = rendered.text;
    message.category = template.category.toLowerCase();
    if (rendered.given !== rendered.expected)
      return templateParameterCountError(rendered.given, rendered.expected);
    return undefined;
  }
  const lastInbound = conversation.lastInboundAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (Date.now() - lastInbound > serviceWindowMs) return reengagementError();
  if (mediaTypes.has(message.type) && isText(content.id) && !context.state.media.has(content.id))
    return unknownMediaError(content.id);
  return undefined;
}

/** The business read the customer's message: it and every earlier one turn read, as on a phone. */
function markInboundRead(context: WhatsAppContext, number: RegisteredNumber, body: Fields) {
  if (!isText(body.message_id)) throw invalidParameter("The parameter message_id is required.");
  const found = findMessageAnywhere(context.state, number.phoneNumberId, body.message_id);
  if (found?.message.direction === "in") {
    for (const message of found.conversation.messages) {
      if (message.direction === "in") message.status = "read";
      if (message === found.message) break;
    }
  }
  return { success: true };
}

export function registerMessageRoutes(app: FastifyInstance, context: WhatsAppContext) {
  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    "/:version/:phoneNumberId/messages",
    async (request) => {
      assertGraphVersion(request.params.version);
      const number = authorizeNumber(context.state, request, "post", request.params.phoneNumberId);
      const body = asFields(request.body);
      if (body.messaging_product !== "whatsapp")
        throw invalidParameter("The parameter messaging_product is required.");
      if (body.status === "read") return markInboundRead(context, number, body);

      const to = typeof body.to === "string" ? body.to : "";
      const waId = toWaId(to);
      if (waId === "") throw invalidParameter("The parameter to is required.");
      const type = body.type ?? "text";
      if (typeof type !== "string" || !messageTypes.includes(type))
        throw invalidParameter(
          `Param type must be one of {${messageTypes.join(", ").toUpperCase()}} - got "${String(type)}".`,
        );
      const content = asFields(body[type]);
      validateContent(type, content, body);
      const callbackData = body.biz_opaque_callback_data;
      if (callbackData !== undefined && (typeof callbackData !== "string" || callbackData.length > 512))
        throw invalidParameter("Param biz_opaque_callback_data must be a string of at most 512 characters.");

      const conversation = ensureConversation(context.state, number.phoneNumberId, waId);
      const message: TranscriptMessage = {
        id: createMessageId(),
        direction: "out",
        type,
        ...describeContent(type, content, body),
        ...(mediaTypes.has(type) && isText(content.id) && { mediaId: content.id }),
        status: "accepted",
        timestamp: new Date(),
        category: "service",
        ...(callbackData !== undefined && { bizOpaqueCallbackData: callbackData }),
      };
      const error = findDeliveryError(context, number, conversation, message, content);
      conversation.messages.push(message);
      startStatusUpdates(context, conversation, message, error);
      return {
        messaging_product: "whatsapp",
        contacts: [{ input: to, wa_id: waId }],
        messages: [{ id: message.id, ...(type === "template" && { message_status: "accepted" }) }],
      };
    },
  );
}
