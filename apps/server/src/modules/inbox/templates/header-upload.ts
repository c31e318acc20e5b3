import type { OutboundMessage, TemplateHeaderParameter } from "../../../providers/whatsapp-cloud/index.ts";

type TemplateMessage = Extract<OutboundMessage, { type: "template" }>;

/** The template message with its media header pointing at media uploaded to the provider. */
export function withUploadedHeaderMedia(message: TemplateMessage, providerMediaId: string): TemplateMessage {
  const swap = (parameter: TemplateHeaderParameter): TemplateHeaderParameter => {
    if (parameter.type === "image") return { type: "image", image: { id: providerMediaId } };
    if (parameter.type === "video") return { type: "video", video: { id: providerMediaId } };
    if (parameter.type === "document") {
      const { filename } = parameter.document;
      return { type: "document", document: { id: providerMediaId, ...(filename ? { filename } : {}) } };
    }
    return parameter;
  };
  return {
    ...message,
    components: message.components.map((component) =>
      component.type === "header" ? { ...component, parameters: component.parameters.map(swap) } : component,
    ),
  };
}
