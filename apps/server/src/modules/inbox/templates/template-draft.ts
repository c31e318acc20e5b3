import type { z } from "zod";
import type {
  TemplateButtonDefinition,
  TemplateComponentDefinition,
  TemplateDefinition,
} from "../../../providers/whatsapp-cloud/index.ts";
import type { CreateTemplateInput } from "./dto.ts";
import { listPlaceholders, type Placeholder } from "./template-layout.ts";

type Report = (path: (string | number)[], message: string) => void;

const isSequence = (placeholders: Placeholder[]) =>
  placeholders.every((placeholder, index) => !placeholder.named && placeholder.key === String(index + 1));

/**
 * Meta's rules for a new template that a schema cannot express, so a draft Meta would refuse is a
 * 400 naming the field rather than a round trip to Meta
 * (https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components).
 */
export function checkTemplateDraft(draft: CreateTemplateInput, context: z.RefinementCtx) {
  const report: Report = (path, message) => context.addIssue({ code: "custom", path, message });
  if (draft.category === "AUTHENTICATION") {
    report(
      ["category"],
      "authentication templates have a text fixed by Meta: create them in WhatsApp Manager, then sync",
    );
  }
  checkHeader(draft.header, report);
  const body = listPlaceholders(draft.body.text);
  if (!isSequence(body)) report(["body", "text"], "variables are {{1}}, {{2}}, … numbered in order from 1");
  else if (draft.body.examples.length !== body.length) {
    report(
      ["body", "examples"],
      `one example per variable: ${body.length} expected, ${draft.body.examples.length} given`,
    );
  }
  if (draft.footer && listPlaceholders(draft.footer).length > 0)
    report(["footer"], "a footer has no variables");
  checkButtons(draft.buttons ?? [], report);
}

function checkHeader(header: CreateTemplateInput["header"], report: Report) {
  if (!header) return;
  if (header.format !== "TEXT") {
    if (header.text !== undefined) report(["header", "text"], "only a TEXT header has text");
    if (header.example === undefined) {
      report(
        ["header", "example"],
        "a media header needs a sample: its handle from Meta's resumable upload API",
      );
    }
    return;
  }
  if (header.text === undefined) return report(["header", "text"], "a TEXT header needs its text");
  const variables = listPlaceholders(header.text);
  if (variables.length > 1 || !isSequence(variables))
    report(["header", "text"], "a header has at most one variable, {{1}}");
  else if (variables.length === 1 && header.example === undefined)
    report(["header", "example"], "the sample value of {{1}} is required");
  else if (variables.length === 0 && header.example !== undefined)
    report(["header", "example"], "the header has no variable to give a sample of");
}

function checkButtons(buttons: NonNullable<CreateTemplateInput["buttons"]>, report: Report) {
  const count = (type: string) => buttons.filter((button) => button.type === type).length;
  if (count("URL") > 2) report(["buttons"], "at most 2 URL buttons");
  if (count("PHONE_NUMBER") > 1) report(["buttons"], "at most 1 PHONE_NUMBER button");
  const quickReplies = buttons.flatMap((button, index) => (button.type === "QUICK_REPLY" ? [index] : []));
  const first = quickReplies[0];
  if (first !== undefined && quickReplies.some((position, offset) => position !== first + offset)) {
    report(["buttons"], "quick replies must be next to each other, before or after the other buttons");
  }
  buttons.forEach((button, index) => {
    if (button.type !== "URL") return;
    const variables = listPlaceholders(button.url);
    if (
      variables.length > 1 ||
      !isSequence(variables) ||
      (variables.length === 1 && !button.url.endsWith("{{1}}"))
    ) {
      report(["buttons", index, "url"], "a URL has at most one variable, {{1}}, at its very end");
    } else if (variables.length === 1 && button.example === undefined) {
      report(["buttons", index, "example"], "the full URL with a sample value is required");
    } else if (variables.length === 0 && button.example !== undefined) {
      report(["buttons", index, "example"], "the URL has no variable to give a sample of");
    }
  });
}

/** The draft in Meta's component format, as `createTemplate` submits it. */
export function buildTemplateDefinition(draft: CreateTemplateInput): TemplateDefinition {
  const components: TemplateComponentDefinition[] = [];
  const { header, body, footer, buttons } = draft;
  if (header?.format === "TEXT") {
    components.push({
      type: "HEADER",
      format: "TEXT",
      text: header.text ?? "",
      ...(header.example === undefined ? {} : { example: { header_text: [header.example] } }),
    });
  } else if (header) {
    components.push({
      type: "HEADER",
      format: header.format,
      example: { header_handle: [header.example ?? ""] },
    });
  }
  components.push({
    type: "BODY",
    text: body.text,
    ...(body.examples.length === 0 ? {} : { example: { body_text: [body.examples] } }),
  });
  if (footer) components.push({ type: "FOOTER", text: footer });
  if (buttons) components.push({ type: "BUTTONS", buttons: buttons.map(toButtonDefinition) });
  return { name: draft.name, language: draft.language, category: draft.category, components };
}

function toButtonDefinition(
  button: NonNullable<CreateTemplateInput["buttons"]>[number],
): TemplateButtonDefinition {
  switch (button.type) {
    case "QUICK_REPLY":
      return { type: "QUICK_REPLY", text: button.text };
    case "URL":
      return {
        type: "URL",
        text: button.text,
        url: button.url,
        ...(button.example === undefined ? {} : { example: [button.example] }),
      };
    case "PHONE_NUMBER":
      return { type: "PHONE_NUMBER", text: button.text, phone_number: button.phoneNumber };
  }
}
