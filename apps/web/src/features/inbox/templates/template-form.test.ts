import { describe, expect, it } from "vitest";
import type { Problem } from "../../../lib/problem";
import { buildTemplateSend, listTemplateInputs, templateFieldErrors } from "./template-form";
import { readTemplateParts } from "./template-parts";
import type { Template } from "./templates-api";

const orderUpdate: Template = {
  id: "0190a000-0000-7000-8000-000000000001",
  channelId: "0190a000-0000-7000-8000-000000000002",
  name: "order_update",
  language: "en",
  category: "UTILITY",
  status: "APPROVED",
  rejectionReason: null,
  qualityScore: null,
  components: [
    { type: "HEADER", format: "IMAGE" },
    { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way." },
    {
      type: "BUTTONS",
      buttons: [
        { type: "URL", text: "Track your order", url: "https://shop.example.com/orders/{{1}}" },
        { type: "QUICK_REPLY", text: "Stop updates" },
      ],
    },
  ],
  variables: {
    header: 0,
    body: 2,
    buttons: [
      { index: 0, type: "URL", variables: 1 },
      { index: 1, type: "QUICK_REPLY", variables: 0 },
    ],
  },
  syncedAt: null,
};
const inputs = listTemplateInputs(orderUpdate, readTemplateParts(orderUpdate.components));

const refusal = (errors: { field: string; message: string }[]): Problem => ({
  type: "about:blank",
  title: "Bad Request",
  status: 400,
  detail: "The values do not fit the template",
  errors,
});

describe("listTemplateInputs", () => {
  it("asks for the header's media, each body variable and each URL button's variable", () => {
    expect(inputs.map((input) => input.key)).toEqual(["header.media", "body.0", "body.1", "buttons.0"]);
  });

  it("asks for a text header's variable only when it has one", () => {
    const withText = {
      ...orderUpdate,
      components: [{ type: "HEADER", format: "TEXT", text: "Order {{1}}" }],
      variables: { header: 1, body: 0, buttons: [] },
    };
    expect(listTemplateInputs(withText, readTemplateParts(withText.components))).toEqual([
      { key: "header.text", part: "header", placeholder: "1" },
    ]);
    const fixed = { ...withText, variables: { header: 0, body: 0, buttons: [] } };
    expect(listTemplateInputs(fixed, readTemplateParts([{ type: "HEADER", text: "Hello" }]))).toEqual([]);
  });
});

describe("buildTemplateSend", () => {
  it("sends every value typed, trimmed", () => {
    expect(
      buildTemplateSend(orderUpdate, inputs, {
        "header.media": " https://example.com/a.jpg ",
        "body.0": "Camille",
        "body.1": "#1042",
        "buttons.0": "1042",
      }),
    ).toEqual({
      name: "order_update",
      language: "en",
      header: { mediaUrl: "https://example.com/a.jpg" },
      body: ["Camille", "#1042"],
      buttons: [{ index: 0, text: "1042" }],
    });
  });

  it("sends an uploaded file instead of the link, with its name only for a document", () => {
    const upload = { id: "0190a000-0000-7000-8000-0000000000aa", fileName: "receipt.png" };
    expect(
      buildTemplateSend(orderUpdate, inputs, { "header.media": "https://example.com/a.jpg" }, upload).header,
    ).toEqual({ uploadId: upload.id });
    const invoice = {
      ...orderUpdate,
      components: [
        { type: "HEADER", format: "DOCUMENT" },
        { type: "BODY", text: "Your invoice" },
      ],
      variables: { header: 0, body: 0, buttons: [] },
    };
    const documentInputs = listTemplateInputs(invoice, readTemplateParts(invoice.components));
    expect(
      buildTemplateSend(invoice, documentInputs, {}, { id: upload.id, fileName: "invoice.pdf" }),
    ).toEqual({
      name: "order_update",
      language: "en",
      header: { uploadId: upload.id, fileName: "invoice.pdf" },
    });
    expect(buildTemplateSend(invoice, documentInputs, {}, { id: upload.id, fileName: null }).header).toEqual({
      uploadId: upload.id,
    });
  });

  it("leaves out what is empty, keeping a blank body value only before a filled one", () => {
    expect(buildTemplateSend(orderUpdate, inputs, { "body.0": "Camille", "body.1": " " })).toEqual({
      name: "order_update",
      language: "en",
      body: ["Camille"],
    });
    expect(buildTemplateSend(orderUpdate, inputs, { "body.1": "#1042" }).body).toEqual(["", "#1042"]);
  });
});

describe("templateFieldErrors", () => {
  it("shows each error of the server's 400 beside the input it names", () => {
    const sent = buildTemplateSend(orderUpdate, inputs, { "body.0": "Camille" });
    const problem = refusal([
      { field: "body.template.header", message: "the IMAGE header needs media" },
      { field: "body.template.body.1", message: "a value for {{2}} is required" },
      { field: "body.template.buttons", message: "button 0 (URL) needs the value of its {{1}}" },
    ]);
    expect(templateFieldErrors(problem, sent, inputs)).toEqual({
      fieldErrors: {
        "header.media": "the IMAGE header needs media",
        "body.1": "a value for {{2}} is required",
        "buttons.0": "button 0 (URL) needs the value of its {{1}}",
      },
      formMessage: undefined,
    });
  });

  it("finds a button by its position in the send and a media link by its own field", () => {
    const sent = buildTemplateSend(orderUpdate, inputs, { "header.media": "x", "buttons.0": "a\tb" });
    const problem = refusal([
      { field: "body.template.header.mediaUrl", message: "Invalid URL" },
      { field: "body.template.buttons.0.text", message: "no tabs" },
    ]);
    expect(templateFieldErrors(problem, sent, inputs).fieldErrors).toEqual({
      "header.media": "Invalid URL",
      "buttons.0": "no tabs",
    });
  });

  it("shows an uploaded file's errors beside the file input", () => {
    const sent = buildTemplateSend(orderUpdate, inputs, {}, { id: "0190a000-0000-7000-8000-0000000000aa" });
    const problem = refusal([
      { field: "body.template.header.uploadId", message: "no such upload" },
      { field: "body.template.header", message: "an IMAGE header needs a JPEG or PNG image" },
    ]);
    expect(templateFieldErrors(problem, sent, inputs)).toEqual({
      fieldErrors: { "header.upload": "no such upload" },
      formMessage: undefined,
    });
  });

  it("keeps the summary when an error names no input, or there is no field at all", () => {
    const sent = buildTemplateSend(orderUpdate, inputs, {});
    const notApproved = refusal([{ field: "body.template.name", message: "not approved (PAUSED)" }]);
    expect(templateFieldErrors(notApproved, sent, inputs)).toEqual({
      fieldErrors: {},
      formMessage: "The values do not fit the template",
    });
    expect(templateFieldErrors(refusal([]), sent, inputs).formMessage).toBe(
      "The values do not fit the template",
    );
    expect(templateFieldErrors(undefined, sent, inputs)).toEqual({ fieldErrors: {} });
  });
});
