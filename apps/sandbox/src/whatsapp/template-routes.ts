import type { FastifyInstance } from "fastify";
import { readPublicBaseUrl, type WhatsAppContext } from "./context.ts";
import { invalidParameter } from "./failures.ts";
import { assertGraphVersion, authorizeWaba } from "./graph-auth.ts";
import { createObjectId, listWabaNumbers, type MessageTemplate } from "./state.ts";
import { presentTemplate, validateTemplateCreation } from "./templates.ts";
import { buildWebhookEnvelope, deliverWebhook } from "./webhooks.ts";

type TemplatesRoute = {
  Params: { version: string; wabaId: string };
  Querystring: { limit?: string; after?: string; before?: string; name?: string; status?: string };
};

const encodeCursor = (templateId: string) => Buffer.from(templateId).toString("base64url");
const decodeCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString();

/** The review outcome, told to every distinct webhook of the account, as Meta does for account-level fields. */
async function reviewTemplate(context: WhatsAppContext, template: MessageTemplate) {
  const rejected = template.name.includes("reject");
  template.status = rejected ? "REJECTED" : "APPROVED";
  const value = {
    event: template.status,
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    reason: rejected ? "INVALID_FORMAT" : "NONE",
    message_template_category: template.category,
    ...(rejected && {
      rejection_info: {
        reason: 'The sandbox rejects every template whose name contains "reject".',
        recommendation: "Rename the template to have it approved.",
      },
    }),
  };
  const payload = buildWebhookEnvelope(template.wabaId, "message_template_status_update", value, new Date());
  const targets = new Map(
    listWabaNumbers(context.state, template.wabaId).map((number) => [
      `${number.callbackUrl} ${number.appSecret}`,
      number,
    ]),
  );
  for (const number of targets.values())
    await deliverWebhook(context, number, payload, `template ${template.name} ${template.status}`);
}

export function registerTemplateRoutes(app: FastifyInstance, context: WhatsAppContext) {
  const { state } = context;

  app.get<TemplatesRoute>("/:version/:wabaId/message_templates", async (request) => {
    const { version, wabaId } = request.params;
    assertGraphVersion(version);
    authorizeWaba(state, request, "get", wabaId);
    const { name, status } = request.query;
    const templates = state.templates.filter(
      (template) =>
        template.wabaId === wabaId &&
        (name === undefined || template.name.includes(name)) &&
        (status === undefined || template.status === status.toUpperCase()),
    );
    const limit = Math.min(Math.max(Number(request.query.limit) || 25, 1), 1000);
    const position = (cursor: string) =>
      templates.findIndex((template) => template.id === decodeCursor(cursor));
    const { after, before } = request.query;
    const cursor = after ?? before;
    const index = cursor === undefined ? -1 : position(cursor);
    if (cursor !== undefined && index < 0) throw invalidParameter("Invalid cursor");
    const start = after ? index + 1 : before ? Math.max(index - limit, 0) : 0;
    const end = !after && before ? index : start + limit;
    const page = templates.slice(start, end);
    const first = page[0];
    const last = page.at(-1);
    if (!first || !last) return { data: [] };
    const link = (query: string) =>
      `${readPublicBaseUrl(request, app.prefix)}/${version}/${wabaId}/message_templates?limit=${limit}&${query}`;
    return {
      data: page.map(presentTemplate),
      paging: {
        cursors: { before: encodeCursor(first.id), after: encodeCursor(last.id) },
        ...(start > 0 && { previous: link(`before=${encodeCursor(first.id)}`) }),
        ...(end < templates.length && { next: link(`after=${encodeCursor(last.id)}`) }),
      },
    };
  });

  app.post<TemplatesRoute>("/:version/:wabaId/message_templates", async (request) => {
    const { version, wabaId } = request.params;
    assertGraphVersion(version);
    authorizeWaba(state, request, "post", wabaId);
    const input = validateTemplateCreation(state, wabaId, request.body);
    const template: MessageTemplate = { ...input, id: createObjectId(), wabaId, status: "PENDING" };
    state.templates.push(template);
    context.tasks.after(context.delays.templateReviewMs, () => reviewTemplate(context, template));
    return { id: template.id, status: template.status, category: template.category };
  });

  app.delete<TemplatesRoute>("/:version/:wabaId/message_templates", async (request) => {
    const { version, wabaId } = request.params;
    assertGraphVersion(version);
    authorizeWaba(state, request, "delete", wabaId);
    const { name } = request.query;
    if (!name) throw invalidParameter("The parameter name is required.");
    const kept = state.templates.filter((template) => template.wabaId !== wabaId || template.name !== name);
    if (kept.length === state.templates.length)
      throw invalidParameter(`Message template "${name}" not found`);
    state.templates = kept;
    return { success: true };
  });
}
