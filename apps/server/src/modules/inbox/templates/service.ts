import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeSortCursor, encodeSortCursor, type Page, toPage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { type CreatedTemplate, WhatsAppApiError } from "../../../providers/whatsapp-cloud/index.ts";
import { clientForChannel } from "../channels/provider-client.ts";
import * as channels from "../channels/repo.ts";
import { assertInbox } from "../policy.ts";
import type { CreateTemplateInput, TemplateQuery, TemplateView } from "./dto.ts";
import { enqueueTemplateSync } from "./jobs.ts";
import * as repo from "./repo.ts";
import { buildTemplateDefinition } from "./template-draft.ts";
import { readTemplateLayout } from "./template-layout.ts";

export type TemplateService = ReturnType<typeof createTemplateService>;

function presentTemplate(row: repo.TemplateRow): TemplateView {
  const layout = readTemplateLayout(row.components);
  return {
    id: row.id,
    channelId: row.channelId,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    rejectionReason: row.rejectionReason,
    qualityScore: row.qualityScore,
    components: row.components,
    variables: {
      header: layout.header?.placeholders.length ?? 0,
      body: layout.body.length,
      buttons: layout.buttons.map((button) => ({
        index: button.index,
        type: button.type,
        variables: button.placeholders.length,
      })),
    },
    syncedAt: row.syncedAt?.toISOString() ?? null,
  };
}

const channelNotFound = () =>
  new AppError("not_found", "The WhatsApp number was not found.", {
    errors: [{ field: "body.channelId", message: "no such number in this organisation" }],
  });

/** A provider failure as the caller should see it: Meta's refusal is 422 with its words, no answer is 503. */
function toProviderProblem(error: unknown): unknown {
  if (!(error instanceof WhatsAppApiError)) return error;
  if (error.retryable) {
    return new AppError(
      "unavailable",
      `WhatsApp did not take the template (${error.message}); try again in a moment.`,
      {
        retryAfterSeconds: 30,
      },
    );
  }
  const details = error.details ? ` ${error.details}` : "";
  return new AppError(
    "unprocessable",
    `Meta refused the template: ${error.title}: ${error.message}${details}`,
    {
      code: "whatsapp_template_refused",
      extensions: {
        providerTitle: error.title,
        providerMessage: error.message,
        providerCode: String(error.code),
        ...(error.details ? { providerDetails: error.details } : {}),
      },
    },
  );
}

/**
 * The template a send names, on the number it goes out from; a validation error naming
 * `body.template.name` when there is none (or it was deleted). Check it with `buildTemplateMessage`.
 */
export async function findTemplateForSend(
  tx: Executor,
  tenantId: string,
  channelId: string,
  name: string,
  language: string,
): Promise<repo.TemplateRow> {
  const row = await repo.findTemplateByName(tx, tenantId, channelId, name, language);
  if (row && row.status !== "DELETED") return row;
  throw new AppError(
    "validation",
    `This number has no template "${name}" in ${language}; sync the templates if it was just created.`,
    {
      errors: [{ field: "body.template.name", message: "no such template on this number" }],
    },
  );
}

/** WhatsApp message templates of the organisation's numbers: list, create at Meta, sync. */
export function createTemplateService(deps: { db: Db; secrets: SecretBox }) {
  const { db, secrets } = deps;

  return {
    /** Templates by name; members may list them (they send them). */
    listTemplates: (actor: Actor, query: TemplateQuery): Promise<Page<TemplateView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const rows = await repo.listTemplates(tx, actor.tenantId, {
          channelId: query.channelId,
          status: query.status,
          q: query.q,
          after: decodeSortCursor(query.cursor),
          limit: query.limit + 1,
        });
        const page = toPage(rows, query.limit, presentTemplate, (row) => row.id);
        const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
        return { ...page, nextCursor: last ? encodeSortCursor(last.name, last.id) : null };
      }),

    getTemplate: (actor: Actor, id: string): Promise<TemplateView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.findTemplate(tx, actor.tenantId, id);
        if (!row) throw notFound("The template");
        return presentTemplate(row);
      }),

    /**
     * Submits a template to Meta for review and keeps it with the id and status Meta answered
     * (usually PENDING; the status webhook or a sync brings the verdict). Meta is called between
     * two transactions, so no database transaction waits on it.
     */
    createTemplate: async (actor: Actor, input: CreateTemplateInput): Promise<TemplateView> => {
      assertInbox(actor, "templates.manage");
      const channel = await withTenant(db, actor.tenantId, async (tx) => {
        const found = await channels.findChannel(tx, actor.tenantId, input.channelId);
        if (!found) throw channelNotFound();
        const existing = await repo.findTemplateByName(
          tx,
          actor.tenantId,
          found.id,
          input.name,
          input.language,
        );
        if (existing && existing.status !== "DELETED") {
          throw new AppError(
            "conflict",
            `This number has a template "${input.name}" in ${input.language} already.`,
            {
              errors: [{ field: "body.name", message: "taken in this language" }],
            },
          );
        }
        return found;
      });
      const definition = buildTemplateDefinition(input);
      let created: CreatedTemplate;
      try {
        created = await clientForChannel(secrets, channel).createTemplate(channel.wabaId, definition);
      } catch (error) {
        throw toProviderProblem(error);
      }
      return withTenant(db, actor.tenantId, async (tx) => {
        const [row] = await repo.upsertTemplates(tx, [
          {
            tenantId: actor.tenantId,
            id: newId(),
            channelId: channel.id,
            wabaId: channel.wabaId,
            providerTemplateId: created.id,
            name: input.name,
            language: input.language,
            category: created.category,
            status: created.status,
            components: definition.components,
            syncedAt: new Date(),
          },
        ]);
        if (!row) throw new Error("the template upsert returned nothing");
        const view = presentTemplate(row);
        await recordAudit(tx, actor, {
          action: "whatsapp_template.created",
          targetType: "whatsapp_template",
          targetId: row.id,
          after: {
            channelId: row.channelId,
            name: row.name,
            language: row.language,
            category: row.category,
            status: row.status,
          },
        });
        await publishEvent(tx, {
          type: "inbox.template.changed",
          tenantId: actor.tenantId,
          data: { templateId: row.id, channelId: row.channelId, status: row.status },
        });
        return view;
      });
    },

    /** Queues a sync of the number's templates with the provider (one at a time per number). */
    syncTemplates: (actor: Actor, channelId: string): Promise<void> =>
      withTenant(db, actor.tenantId, async (tx) => {
        assertInbox(actor, "templates.manage");
        if (!(await channels.findChannel(tx, actor.tenantId, channelId)))
          throw notFound("The WhatsApp number");
        await enqueueTemplateSync(tx, actor.tenantId, channelId);
      }),
  };
}
