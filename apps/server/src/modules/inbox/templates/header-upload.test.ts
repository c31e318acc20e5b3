import { describe, expect, it } from "vitest";
import { withUploadedHeaderMedia } from "./header-upload.ts";

describe("withUploadedHeaderMedia", () => {
  it("points an image or document header at the provider's media id, leaving body and buttons alone", () => {
    const body = { type: "body" as const, parameters: [{ type: "text" as const, text: "Amélie" }] };
    const image = withUploadedHeaderMedia(
      {
        type: "template",
        name: "order_update",
        languageCode: "en",
        components: [{ type: "header", parameters: [{ type: "image", image: { id: "ours" } }] }, body],
      },
      "meta-123",
    );
    expect(image.components).toEqual([
      { type: "header", parameters: [{ type: "image", image: { id: "meta-123" } }] },
      body,
    ]);
    const document = withUploadedHeaderMedia(
      {
        type: "template",
        name: "invoice",
        languageCode: "en",
        components: [
          {
            type: "header",
            parameters: [{ type: "document", document: { id: "ours", filename: "invoice.pdf" } }],
          },
        ],
      },
      "meta-456",
    );
    expect(document.components[0]).toEqual({
      type: "header",
      parameters: [{ type: "document", document: { id: "meta-456", filename: "invoice.pdf" } }],
    });
  });
});
