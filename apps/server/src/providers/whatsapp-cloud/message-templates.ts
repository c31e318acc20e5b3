import { z } from "zod";

/**
 * Message template definitions in Meta's component format, as `POST /{waba-id}/message_templates`
 * takes them and `GET` returns them
 * (https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components).
 * Positional variables (`{{1}}`) need an example value when the template is submitted.
 */
export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";

export type TemplateHeaderDefinition =
  | { type: "HEADER"; format: "TEXT"; text: string; example?: { header_text: string[] } }
  /** `header_handle` holds a handle from the resumable upload API, not a media id. */
  | { type: "HEADER"; format: "IMAGE" | "VIDEO" | "DOCUMENT"; example: { header_handle: string[] } };

export type TemplateButtonDefinition =
  | { type: "QUICK_REPLY"; text: string }
  /** A `{{1}}` at the end of `url` needs `example`: the full URL with a sample value. */
  | { type: "URL"; text: string; url: string; example?: string[] }
  | { type: "PHONE_NUMBER"; text: string; phone_number: string };

export type TemplateComponentDefinition =
  | TemplateHeaderDefinition
  | { type: "BODY"; text: string; example?: { body_text: string[][] } }
  | { type: "FOOTER"; text: string }
  | { type: "BUTTONS"; buttons: TemplateButtonDefinition[] };

export type TemplateDefinition = {
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponentDefinition[];
  allowCategoryChange?: boolean;
};

/** A template as the WABA lists it; components are passed on as Meta returned them. */
export type ProviderTemplate = {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: unknown[];
  qualityScore?: string;
  rejectedReason?: string;
};

export type TemplatePage = { templates: ProviderTemplate[]; nextCursor: string | null };

export type CreatedTemplate = { id: string; status: string; category: string };

/** Fields asked for when listing: quality and rejection reason are not returned by default. */
export const templateListFields = "id,name,language,status,category,components,quality_score,rejected_reason";

export function buildTemplatePayload(template: TemplateDefinition) {
  return {
    name: template.name,
    language: template.language,
    category: template.category,
    ...(template.allowCategoryChange === undefined
      ? {}
      : { allow_category_change: template.allowCategoryChange }),
    components: template.components,
  };
}

const templateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  components: z.array(z.unknown()).default([]),
  quality_score: z.looseObject({ score: z.string() }).optional(),
  rejected_reason: z.string().optional(),
});

const templatePageSchema = z.looseObject({
  data: z.array(templateSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

/** Reads one page; Meta sends `paging.next` only when another page exists. */
export function readTemplatePage(body: unknown): TemplatePage | null {
  const parsed = templatePageSchema.safeParse(body);
  if (!parsed.success) return null;
  const { data, paging } = parsed.data;
  return {
    templates: data.map((template) => ({
      id: template.id,
      name: template.name,
      language: template.language,
      status: template.status,
      category: template.category,
      components: template.components,
      qualityScore: template.quality_score?.score,
      rejectedReason: template.rejected_reason,
    })),
    nextCursor: paging?.next ? (paging.cursors?.after ?? null) : null,
  };
}

const createdTemplateSchema = z.looseObject({ id: z.string(), status: z.string(), category: z.string() });

export function readCreatedTemplate(body: unknown): CreatedTemplate | null {
  const parsed = createdTemplateSchema.safeParse(body);
  return parsed.success
    ? { id: parsed.data.id, status: parsed.data.status, category: parsed.data.category }
    : null;
}
