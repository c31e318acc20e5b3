import type { Problem } from "../../../lib/problem";
import { listPlaceholders, type TemplateParts } from "./template-parts";
import type { Template, TemplateSend } from "./templates-api";

/** A file uploaded for a media header (`POST /api/v1/media`), sent instead of a link. */
export type HeaderUpload = { id: string; fileName?: string | null };

/** The key of the media header's file input: its own inline error, beside the link's. */
export const headerUploadKey = "header.upload";

/** One value a send of the template needs; `key` names its input and its inline error. */
export type TemplateInput =
  | { key: "header.text"; part: "header"; placeholder: string }
  | { key: "header.media"; part: "media"; format: MediaFormat }
  | { key: `body.${number}`; part: "body"; placeholder: string }
  | { key: `buttons.${number}`; part: "button"; index: number; text: string; url: string | null };

export type TemplateValues = Record<string, string>;

const mediaFormats = ["IMAGE", "VIDEO", "DOCUMENT"] as const;
export type MediaFormat = (typeof mediaFormats)[number];
const isMediaFormat = (format: string): format is MediaFormat => mediaFormats.includes(format as MediaFormat);

/** The inputs of the template's send form, in reading order: header, body variables, URL buttons. */
export function listTemplateInputs(template: Template, parts: TemplateParts): TemplateInput[] {
  const inputs: TemplateInput[] = [];
  const header = parts.header;
  if (header && isMediaFormat(header.format)) {
    inputs.push({ key: "header.media", part: "media", format: header.format });
  } else if (header && template.variables.header > 0) {
    const [placeholder = "1"] = listPlaceholders(header.text);
    inputs.push({ key: "header.text", part: "header", placeholder });
  }
  listPlaceholders(parts.body).forEach((placeholder, index) => {
    inputs.push({ key: `body.${index}`, part: "body", placeholder });
  });
  for (const button of template.variables.buttons) {
    if (button.variables === 0) continue;
    const part = parts.buttons[button.index];
    inputs.push({
      key: `buttons.${button.index}`,
      part: "button",
      index: button.index,
      text: part?.text ?? button.type,
      url: part?.url ?? null,
    });
  }
  return inputs;
}

/** The body variables' values, in order, for the live preview. */
export const bodyValuesOf = (inputs: readonly TemplateInput[], values: TemplateValues): string[] =>
  inputs.filter((input) => input.part === "body").map((input) => values[input.key] ?? "");

/**
 * The send of the template with the values typed. An empty value is left out rather than sent
 * blank, so the server names what is missing (`body.template.body.1`: "a value for {{2}} is
 * required"); only a body value before a filled one must be sent, empty, to keep the positions.
 * An uploaded file, when there is one, is the media header instead of the link; WhatsApp shows a
 * document's file name, so it goes with a DOCUMENT header.
 */
export function buildTemplateSend(
  template: Template,
  inputs: readonly TemplateInput[],
  values: TemplateValues,
  upload?: HeaderUpload,
): TemplateSend {
  const typed = (input: TemplateInput) => (values[input.key] ?? "").trim();
  const body = inputs.filter((input) => input.part === "body").map(typed);
  while (body.at(-1) === "") body.pop();
  const buttons = inputs.flatMap((input) =>
    input.part === "button" && typed(input) ? [{ index: input.index, text: typed(input) }] : [],
  );
  const header = inputs.find((input) => input.part === "header" || input.part === "media");
  const headerValue = header ? typed(header) : "";
  const uploaded =
    header?.part === "media" && upload
      ? {
          uploadId: upload.id,
          ...(header.format === "DOCUMENT" && upload.fileName ? { fileName: upload.fileName } : {}),
        }
      : undefined;
  return {
    name: template.name,
    language: template.language,
    ...(uploaded
      ? { header: uploaded }
      : header && headerValue
        ? { header: header.part === "media" ? { mediaUrl: headerValue } : { text: headerValue } }
        : {}),
    ...(body.length > 0 ? { body } : {}),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

const prefix = "body.template.";

/** The input a field of the server's 400 names, e.g. `body.template.body.1` → the second body variable. */
function inputKeyOf(path: string, sent: TemplateSend | undefined, missingButtons: string[]) {
  if (path === "header.text") return "header.text";
  if (path === "header.uploadId") return headerUploadKey;
  // A file name is sent only with an upload, and a header refused as a whole then means the file.
  if (path === "header.fileName" && sent?.header?.uploadId) return headerUploadKey;
  if (path === "header" && sent?.header?.uploadId) return headerUploadKey;
  if (path === "header" || /^header\.(mediaUrl|mediaId|fileName)$/.test(path)) return "header.media";
  const body = /^body\.(\d+)$/.exec(path);
  if (body) return `body.${body[1]}`;
  const button = /^buttons\.(\d+)\.(text|index)$/.exec(path);
  if (button) {
    const index = sent?.buttons?.[Number(button[1])]?.index;
    return index === undefined ? undefined : `buttons.${index}`;
  }
  // A button left without its value is reported as `buttons`, one entry per button in order.
  if (path === "buttons") return missingButtons.shift();
  return undefined;
}

/**
 * A refused send's errors beside the inputs they name, and the problem's summary when some error
 * names no input (or the refusal is not about the values at all).
 */
export function templateFieldErrors(
  problem: Problem | undefined,
  sent: TemplateSend | undefined,
  inputs: readonly TemplateInput[],
): { fieldErrors: Record<string, string>; formMessage?: string } {
  const fieldErrors: Record<string, string> = {};
  if (!problem) return { fieldErrors };
  const known = new Set<string>(
    inputs.flatMap((input) => (input.part === "media" ? [input.key, headerUploadKey] : [input.key])),
  );
  const missingButtons = inputs.flatMap((input) =>
    input.part === "button" && !sent?.buttons?.some((button) => button.index === input.index)
      ? [input.key]
      : [],
  );
  let unmatched = (problem.errors ?? []).length === 0;
  for (const error of problem.errors ?? []) {
    const key = error.field.startsWith(prefix)
      ? inputKeyOf(error.field.slice(prefix.length), sent, missingButtons)
      : undefined;
    if (key && known.has(key)) fieldErrors[key] ??= error.message;
    else unmatched = true;
  }
  return { fieldErrors, formMessage: unmatched ? problem.detail : undefined };
}
