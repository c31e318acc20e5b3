import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { buildTemplateMessage } from "./build-template-message.ts";
import type { SendTemplateInput } from "./dto.ts";
import type { TemplateRow } from "./repo.ts";

/** As Meta lists it: image header, two body variables, a URL button with a variable, a quick reply. */
const orderUpdate = [
  {
    type: "HEADER",
    format: "IMAGE",
    example: { header_handle: ["https://scontent.whatsapp.net/sample.jpg"] },
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
        text: "Track",
        url: "https://shop.example.com/orders/{{1}}",
        example: ["https://shop.example.com/orders/1042"],
      },
      { type: "QUICK_REPLY", text: "Stop updates" },
      { type: "PHONE_NUMBER", text: "Call us", phone_number: "+33123456789" },
    ],
  },
];

function templateOf(components: unknown[], overrides: Partial<TemplateRow> = {}): TemplateRow {
  return {
    tenantId: newId(),
    id: newId(),
    channelId: newId(),
    wabaId: "102290129340398",
    providerTemplateId: "1689556908129832",
    name: "order_update",
    language: "en",
    category: "UTILITY",
    status: "APPROVED",
    rejectionReason: null,
    qualityScore: null,
    components,
    syncedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

const send = (input: Omit<SendTemplateInput, "name" | "language">, components: unknown[] = orderUpdate) =>
  buildTemplateMessage(templateOf(components), { name: "order_update", language: "en", ...input });

function refusalOf(build: () => unknown): AppError {
  try {
    build();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the send was not refused");
}

const fieldsOf = (error: AppError) => error.extras.errors?.map((entry) => entry.field);

describe("buildTemplateMessage", () => {
  it("sends an image header by link, body variables, a URL button's variable and a quick reply's payload in Meta's shape", () => {
    const message = send({
      header: { mediaUrl: "https://cdn.example.com/parcel.jpg" },
      body: ["Camille", "#1042"],
      buttons: [
        { index: 1, text: "stop-1042" },
        { index: 0, text: "1042" },
      ],
    });
    expect(message).toEqual({
      type: "template",
      name: "order_update",
      languageCode: "en",
      components: [
        {
          type: "header",
          parameters: [{ type: "image", image: { link: "https://cdn.example.com/parcel.jpg" } }],
        },
        {
          type: "body",
          parameters: [
            { type: "text", text: "Camille" },
            { type: "text", text: "#1042" },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "1042" }] },
        {
          type: "button",
          sub_type: "quick_reply",
          index: "1",
          parameters: [{ type: "payload", payload: "stop-1042" }],
        },
      ],
    });
  });

  it("sends an image header by the provider's media id, and a quick reply needs no payload", () => {
    const message = send({
      header: { mediaId: "1037543291543636" },
      body: ["Camille", "#1042"],
      buttons: [{ index: 0, text: "1042" }],
    });
    expect(message.components[0]).toEqual({
      type: "header",
      parameters: [{ type: "image", image: { id: "1037543291543636" } }],
    });
    expect(message.components.filter((component) => component.type === "button")).toHaveLength(1);
  });

  it("sends a document header with its file name, and a text header's variable", () => {
    const invoice = [
      { type: "HEADER", format: "DOCUMENT", example: { header_handle: ["4::aW"] } },
      { type: "BODY", text: "Your invoice." },
    ];
    expect(send({ header: { mediaId: "42", fileName: "invoice-7.pdf" } }, invoice).components).toEqual([
      {
        type: "header",
        parameters: [{ type: "document", document: { id: "42", filename: "invoice-7.pdf" } }],
      },
    ]);
    const sale = [
      { type: "HEADER", format: "TEXT", text: "Our {{1}} is on!", example: { header_text: ["Summer Sale"] } },
      { type: "BODY", text: "Come and see." },
    ];
    expect(send({ header: { text: "Winter Sale" } }, sale).components).toEqual([
      { type: "header", parameters: [{ type: "text", text: "Winter Sale" }] },
    ]);
  });

  it("names each missing value: a body variable by its position, a URL button's variable, the header's media", () => {
    const error = refusalOf(() => send({ body: ["Camille"] }));
    expect(error.kind).toBe("validation");
    expect(error.extras.errors).toEqual([
      { field: "body.template.header", message: "the IMAGE header needs media: mediaUrl or mediaId" },
      { field: "body.template.body.1", message: "a value for {{2}} is required" },
      { field: "body.template.buttons", message: "button 0 (URL) needs the value of its {{1}}" },
    ]);
  });

  it("refuses values the template has no place for: an extra body value, a value for a phone button, a missing button", () => {
    const error = refusalOf(() =>
      send({
        header: { mediaUrl: "https://cdn.example.com/parcel.jpg" },
        body: ["Camille", "#1042", "extra"],
        buttons: [
          { index: 0, text: "1042" },
          { index: 2, text: "+33" },
          { index: 7, text: "?" },
        ],
      }),
    );
    expect(fieldsOf(error)).toEqual([
      "body.template.body.2",
      "body.template.buttons.1.text",
      "body.template.buttons.2.index",
    ]);
  });

  it("refuses the wrong kind of header value", () => {
    const textForImage = refusalOf(() =>
      send({
        header: { text: "a caption" },
        body: ["Camille", "#1042"],
        buttons: [{ index: 0, text: "1042" }],
      }),
    );
    expect(fieldsOf(textForImage)).toEqual(["body.template.header.text", "body.template.header"]);
    const sale = [
      { type: "HEADER", format: "TEXT", text: "Our {{1}} is on!" },
      { type: "BODY", text: "Come and see." },
    ];
    expect(
      fieldsOf(refusalOf(() => send({ header: { mediaUrl: "https://cdn.example.com/a.jpg" } }, sale))),
    ).toEqual(["body.template.header.mediaUrl", "body.template.header.text"]);
    const both = refusalOf(() =>
      send({
        header: { mediaUrl: "https://cdn.example.com/a.jpg", mediaId: "42", fileName: "a.jpg" },
        body: ["Camille", "#1042"],
        buttons: [{ index: 0, text: "1042" }],
      }),
    );
    expect(fieldsOf(both)).toEqual(["body.template.header.fileName", "body.template.header.mediaId"]);
    const plain = [{ type: "BODY", text: "Hello." }];
    expect(fieldsOf(refusalOf(() => send({ header: { text: "x" } }, plain)))).toEqual([
      "body.template.header",
    ]);
  });

  it("refuses a template that is not APPROVED", () => {
    const paused = templateOf(orderUpdate, { status: "PAUSED" });
    const error = refusalOf(() => buildTemplateMessage(paused, { name: "order_update", language: "en" }));
    expect(error.kind).toBe("unprocessable");
    expect(error.extras.errors).toEqual([{ field: "body.template.name", message: "not approved (PAUSED)" }]);
  });

  it("refuses line breaks and runs of spaces in variables, as Meta does", () => {
    const error = refusalOf(() =>
      send({
        header: { mediaId: "42" },
        body: ["Camille\nDupont", "#1042     x"],
        buttons: [{ index: 0, text: "1042" }],
      }),
    );
    expect(fieldsOf(error)).toEqual(["body.template.body.0", "body.template.body.1"]);
  });

  it("sends named variables with their parameter names", () => {
    const named = [{ type: "BODY", text: "Hi {{first_name}}, order {{order_id}} for {{first_name}}." }];
    expect(send({ body: ["Camille", "1042"] }, named).components).toEqual([
      {
        type: "body",
        parameters: [
          { type: "text", parameter_name: "first_name", text: "Camille" },
          { type: "text", parameter_name: "order_id", text: "1042" },
        ],
      },
    ]);
  });

  it("sends an authentication code in the body and the copy-code button, as Meta lists those templates", () => {
    const authentication = [
      { type: "BODY", text: "*{{1}}* is your verification code.", add_security_recommendation: true },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "URL",
            text: "Copy code",
            url: "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp{{1}}",
          },
        ],
      },
    ];
    expect(
      send({ body: ["482913"], buttons: [{ index: 0, text: "482913" }] }, authentication).components,
    ).toEqual([
      { type: "body", parameters: [{ type: "text", text: "482913" }] },
      { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
    ]);
  });

  it("refuses templates with parts it cannot fill, rather than sending what Meta would drop", () => {
    const coupon = [
      { type: "BODY", text: "Use the code." },
      { type: "BUTTONS", buttons: [{ type: "COPY_CODE", example: "SAVE10" }] },
    ];
    expect(refusalOf(() => send({}, coupon)).kind).toBe("unprocessable");
    const carousel = [
      { type: "BODY", text: "Look." },
      { type: "CAROUSEL", cards: [] },
    ];
    expect(refusalOf(() => send({}, carousel)).detail).toContain("a CAROUSEL component");
  });
});
