import { AppError, type FieldError } from "../../../platform/http/errors.ts";
import type {
  OutboundMessage,
  TemplateComponentParameters,
  TemplateHeaderParameter,
  TemplateTextParameter,
} from "../../../providers/whatsapp-cloud/index.ts";
import type { SendTemplateInput } from "./dto.ts";
import type { TemplateRow } from "./repo.ts";
import { type Placeholder, readTemplateLayout, type TemplateLayout } from "./template-layout.ts";

export type TemplateMessage = Extract<OutboundMessage, { type: "template" }>;

type Report = (field: string, message: string) => void;

const mediaFormats = new Set(["IMAGE", "VIDEO", "DOCUMENT"]);
/** Buttons whose send parameters (coupon codes, catalogue products) the provider client cannot express yet. */
const unsendableButtons = new Set(["COPY_CODE", "CATALOG", "MPM"]);
/** Meta refuses text parameters with these (error 132018). */
const refusedInParameters = /[\n\t]| {5}/;

/**
 * The Cloud API template message for a send of `template` with the caller's values, in the exact
 * shape Meta documents (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates).
 * Checks the values against the stored definition first, so a send Meta would drop is refused
 * here naming the field: every variable filled (no more, no less), media for a media header, the
 * variable of each URL button. `at` is where the input sits in the request, for those names.
 */
export function buildTemplateMessage(
  template: TemplateRow,
  input: SendTemplateInput,
  at = "body.template",
): TemplateMessage {
  const label = `"${template.name}" (${template.language})`;
  if (template.status !== "APPROVED") {
    throw new AppError(
      "unprocessable",
      `The template ${label} is ${template.status}: WhatsApp only sends approved templates.`,
      {
        errors: [{ field: `${at}.name`, message: `not approved (${template.status})` }],
      },
    );
  }
  const layout = readTemplateLayout(template.components);
  const unsendable = listUnsendableParts(layout);
  if (unsendable.length > 0) {
    throw new AppError(
      "unprocessable",
      `The template ${label} cannot be sent from here yet: it has ${unsendable.join(", ")}.`,
      {
        errors: [{ field: `${at}.name`, message: `unsupported: ${unsendable.join(", ")}` }],
      },
    );
  }
  const errors: FieldError[] = [];
  const report: Report = (field, message) => errors.push({ field: `${at}.${field}`, message });
  const components = [
    ...buildHeaderComponent(layout.header, input.header, report),
    ...buildBodyComponent(layout.body, input.body ?? [], report),
    ...buildButtonComponents(layout.buttons, input.buttons ?? [], report),
  ];
  if (errors.length > 0) {
    const summary = errors.map((error) => `${error.field}: ${error.message}`).join("; ");
    throw new AppError("validation", `The values do not fit the template ${label}: ${summary}`, { errors });
  }
  return { type: "template", name: template.name, languageCode: template.language, components };
}

function listUnsendableParts(layout: TemplateLayout): string[] {
  const format = layout.header?.format;
  return [
    ...layout.unsupported.map((type) => `a ${type} component`),
    ...(format && format !== "TEXT" && !mediaFormats.has(format) ? [`a ${format} header`] : []),
    ...layout.buttons
      .filter((button) => unsendableButtons.has(button.type))
      .map((button) => `a ${button.type} button`),
  ];
}

function buildTextParameter(
  placeholder: Placeholder,
  text: string,
  field: string,
  report: Report,
): TemplateTextParameter {
  if (refusedInParameters.test(text))
    report(field, "no line breaks, tabs or more than 4 spaces in a row: WhatsApp refuses them in variables");
  return placeholder.named ? { type: "text", parameter_name: placeholder.key, text } : { type: "text", text };
}

function buildHeaderComponent(
  header: TemplateLayout["header"],
  input: SendTemplateInput["header"],
  report: Report,
): TemplateComponentParameters[] {
  if (!header) {
    if (input) report("header", "this template has no header");
    return [];
  }
  if (header.format === "TEXT") {
    for (const key of ["mediaUrl", "mediaId", "fileName"] as const) {
      if (input?.[key] !== undefined) report(`header.${key}`, "the header is TEXT: it takes text, not media");
    }
    const [placeholder] = header.placeholders;
    if (!placeholder) {
      if (input?.text !== undefined) report("header.text", "the header has no variable");
      return [];
    }
    if (input?.text === undefined) {
      report("header.text", `a value for {{${placeholder.key}}} is required`);
      return [];
    }
    return [
      { type: "header", parameters: [buildTextParameter(placeholder, input.text, "header.text", report)] },
    ];
  }
  const kind = header.format.toLowerCase();
  if (input?.text !== undefined)
    report("header.text", `the header is ${header.format}: give mediaUrl or mediaId`);
  if (input?.fileName !== undefined && header.format !== "DOCUMENT") {
    report("header.fileName", "only a DOCUMENT header has a file name");
  }
  const { mediaUrl, mediaId } = input ?? {};
  if (mediaUrl !== undefined && mediaId !== undefined)
    report("header.mediaId", "give mediaUrl or mediaId, not both");
  if (mediaUrl === undefined && mediaId === undefined) {
    report("header", `the ${header.format} header needs media: mediaUrl or mediaId`);
    return [];
  }
  const media = mediaId === undefined ? { link: mediaUrl ?? "" } : { id: mediaId };
  const parameter: TemplateHeaderParameter =
    kind === "image"
      ? { type: "image", image: media }
      : kind === "video"
        ? { type: "video", video: media }
        : {
            type: "document",
            document: { ...media, ...(input?.fileName ? { filename: input.fileName } : {}) },
          };
  return [{ type: "header", parameters: [parameter] }];
}

function buildBodyComponent(
  placeholders: Placeholder[],
  values: string[],
  report: Report,
): TemplateComponentParameters[] {
  if (values.length > placeholders.length) {
    report(
      `body.${placeholders.length}`,
      `the body has ${placeholders.length} variable(s), ${values.length} values were given`,
    );
  }
  const parameters = placeholders.flatMap((placeholder, index) => {
    const value = values[index];
    if (value === undefined) {
      report(`body.${index}`, `a value for {{${placeholder.key}}} is required`);
      return [];
    }
    return [buildTextParameter(placeholder, value, `body.${index}`, report)];
  });
  return parameters.length === 0 ? [] : [{ type: "body", parameters }];
}

function buildButtonComponents(
  buttons: TemplateLayout["buttons"],
  values: NonNullable<SendTemplateInput["buttons"]>,
  report: Report,
): TemplateComponentParameters[] {
  const given = new Map<number, string>();
  values.forEach((value, position) => {
    const button = buttons[value.index];
    if (given.has(value.index)) report(`buttons.${position}.index`, `button ${value.index} is given twice`);
    else if (!button) report(`buttons.${position}.index`, `the template has no button ${value.index}`);
    else if (button.type !== "QUICK_REPLY" && button.placeholders.length === 0) {
      report(`buttons.${position}.text`, `button ${value.index} (${button.type}) takes no value`);
    }
    given.set(value.index, value.text);
  });
  return buttons.flatMap((button): TemplateComponentParameters[] => {
    const text = given.get(button.index);
    const index = String(button.index);
    if (button.type === "QUICK_REPLY") {
      return text === undefined
        ? []
        : [
            {
              type: "button",
              sub_type: "quick_reply",
              index,
              parameters: [{ type: "payload", payload: text }],
            },
          ];
    }
    const [placeholder] = button.placeholders;
    if (!placeholder) return [];
    if (text === undefined) {
      report(
        "buttons",
        `button ${button.index} (${button.type}) needs the value of its {{${placeholder.key}}}`,
      );
      return [];
    }
    return [{ type: "button", sub_type: "url", index, parameters: [{ type: "text", text }] }];
  });
}
