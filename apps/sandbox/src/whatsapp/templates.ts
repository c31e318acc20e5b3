import { graphFailure } from "./failures.ts";
import {
  createObjectId,
  type MessageTemplate,
  type TemplateCategory,
  type WhatsAppSandboxState,
} from "./state.ts";

type Component = Record<string, unknown>;

const categories: TemplateCategory[] = ["MARKETING", "UTILITY", "AUTHENTICATION"];
const namePattern = /^[a-z0-9_]{1,512}$/;
const variablePattern = /\{\{\s*(\d+)\s*\}\}/g;

const seedTemplates: Omit<MessageTemplate, "id" | "wabaId">[] = [
  {
    name: "hello_world",
    language: "en_US",
    category: "UTILITY",
    status: "APPROVED",
    components: [
      {
        type: "BODY",
        text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.",
      },
    ],
  },
  {
    name: "order_update",
    language: "en",
    category: "UTILITY",
    status: "APPROVED",
    components: [
      {
        type: "HEADER",
        format: "IMAGE",
        example: { header_handle: ["https://scontent.whatsapp.net/v/t61.29466-34/order_update_sample.jpg"] },
      },
      {
        type: "BODY",
        text: "Hi {{1}}, your order {{2}} is on its way.",
        example: { body_text: [["Camille", "#1042"]] },
      },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "URL",
            text: "Track your order",
            url: "https://shop.example.com/orders/{{1}}",
            example: ["https://shop.example.com/orders/1042"],
          },
          { type: "QUICK_REPLY", text: "Stop updates" },
        ],
      },
    ],
  },
];

/** What Meta gives every new account to test with, so a fresh sandbox can send templates at once. */
export function seedWabaTemplates(state: WhatsAppSandboxState, wabaId: string) {
  for (const seed of seedTemplates) {
    if (findTemplate(state, wabaId, seed.name, seed.language)) continue;
    state.templates.push({ ...structuredClone(seed), id: createObjectId(), wabaId });
  }
}

export function findTemplate(state: WhatsAppSandboxState, wabaId: string, name: string, language: string) {
  return state.templates.find(
    (template) => template.wabaId === wabaId && template.name === name && template.language === language,
  );
}

export function presentTemplate(template: MessageTemplate) {
  return {
    name: template.name,
    parameter_format: "POSITIONAL",
    components: template.components,
    language: template.language,
    status: template.status,
    category: template.category,
    id: template.id,
  };
}

const invalidTemplate = (title: string, message: string, subcode?: number) =>
  graphFailure(400, {
    message: "Invalid parameter",
    code: 100,
    ...(subcode !== undefined && { error_subcode: subcode }),
    is_transient: false,
    error_user_title: title,
    error_user_msg: message,
  });

function listVariables(text: string) {
  return [...new Set([...text.matchAll(variablePattern)].map((match) => Number(match[1])))].sort(
    (a, b) => a - b,
  );
}

function assertVariablesHaveExamples(where: string, text: string, examples: unknown) {
  const variables = listVariables(text);
  if (variables.length === 0) return;
  if (variables.some((variable, index) => variable !== index + 1))
    throw invalidTemplate("Invalid variables", `${where} variables must be sequential, starting at {{1}}.`);
  if (!Array.isArray(examples) || examples.length < variables.length)
    throw invalidTemplate(
      "Missing sample values",
      `${where} has ${variables.length} variable(s): add a sample value for each in "example".`,
    );
}

function validateComponent(component: Component) {
  const type = String(component.type ?? "").toUpperCase();
  const example = (component.example ?? {}) as Record<string, unknown>;
  if (type === "BODY") {
    if (typeof component.text !== "string" || component.text.trim() === "" || component.text.length > 1024)
      throw invalidTemplate("Invalid body", "The BODY text is required and at most 1024 characters.");
    const rows = example.body_text;
    assertVariablesHaveExamples("BODY", component.text, Array.isArray(rows) ? rows[0] : undefined);
  } else if (type === "HEADER") {
    const format = String(component.format ?? "").toUpperCase();
    if (format === "TEXT")
      assertVariablesHaveExamples("HEADER", String(component.text ?? ""), example.header_text);
    else if (["IMAGE", "VIDEO", "DOCUMENT"].includes(format)) {
      if (!Array.isArray(example.header_handle) || example.header_handle.length === 0)
        throw invalidTemplate("Missing sample media", `A ${format} header needs example.header_handle.`);
    } else if (format !== "LOCATION")
      throw invalidTemplate(
        "Invalid header",
        "HEADER format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.",
      );
  } else if (type === "BUTTONS") {
    const buttons = Array.isArray(component.buttons) ? (component.buttons as Component[]) : [];
    if (buttons.length === 0) throw invalidTemplate("Invalid buttons", "BUTTONS needs at least one button.");
    for (const button of buttons)
      if (String(button.type).toUpperCase() === "URL")
        assertVariablesHaveExamples("URL button", String(button.url ?? ""), button.example);
  } else if (type !== "FOOTER") {
    throw invalidTemplate("Invalid component", `Unknown component type "${String(component.type)}".`);
  }
}

/** Meta's create checks that are cheap to mirror: name format, category, a BODY, examples for variables. */
export function validateTemplateCreation(state: WhatsAppSandboxState, wabaId: string, body: unknown) {
  const input = (body ?? {}) as Record<string, unknown>;
  const { name, language, category, components } = input;
  if (typeof name !== "string" || !namePattern.test(name))
    throw invalidTemplate(
      "Invalid template name",
      "Template names may contain only lowercase letters, numbers and underscores.",
    );
  if (typeof language !== "string" || language === "")
    throw invalidTemplate("Missing language", "The parameter language is required.");
  if (typeof category !== "string" || !categories.includes(category as TemplateCategory))
    throw invalidTemplate("Invalid category", "Category must be MARKETING, UTILITY or AUTHENTICATION.");
  if (!Array.isArray(components) || !components.some((c) => String(c?.type).toUpperCase() === "BODY"))
    throw invalidTemplate("Missing body", "A template needs a BODY component.");
  for (const component of components as Component[]) validateComponent(component);
  if (findTemplate(state, wabaId, name, language))
    throw invalidTemplate(
      "Content in This Language Already Exists",
      `There is already ${language} content for this template (${name}).`,
      2388024,
    );
  return { name, language, category: category as TemplateCategory, components: components as Component[] };
}

type SendParameter = { type?: string; text?: string } & Record<string, unknown>;

function readBodyParameters(sendComponents: unknown): SendParameter[] {
  if (!Array.isArray(sendComponents)) return [];
  const body = sendComponents.find((component) => String(component?.type).toLowerCase() === "body");
  return Array.isArray(body?.parameters) ? body.parameters : [];
}

function readParameterText(parameter: SendParameter | undefined) {
  if (!parameter) return "";
  if (typeof parameter.text === "string") return parameter.text;
  const fallback = (parameter.currency ?? parameter.date_time) as { fallback_value?: string } | undefined;
  return fallback?.fallback_value ?? "";
}

/** The body the customer sees, for the transcript; and how many parameters were given and expected. */
export function renderTemplateBody(template: MessageTemplate, sendComponents: unknown) {
  const body = template.components.find((component) => component.type === "BODY");
  const text = typeof body?.text === "string" ? body.text : "";
  const parameters = readBodyParameters(sendComponents);
  return {
    text: text.replaceAll(variablePattern, (_match, index: string) =>
      readParameterText(parameters[Number(index) - 1]),
    ),
    given: parameters.length,
    expected: listVariables(text).length,
  };
}
