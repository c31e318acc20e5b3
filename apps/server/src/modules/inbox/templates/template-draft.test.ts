import { describe, expect, it } from "vitest";
import { newId } from "../../../platform/ids.ts";
import { createTemplateBody } from "./dto.ts";
import { buildTemplateDefinition } from "./template-draft.ts";

const draft = (overrides: Record<string, unknown> = {}) => ({
  channelId: newId(),
  name: "order_update",
  language: "en_US",
  category: "UTILITY",
  body: { text: "Hi {{1}}, your order {{2}} is on its way.", examples: ["Camille", "#1042"] },
  ...overrides,
});

const problemsOf = (input: unknown) => {
  const parsed = createTemplateBody.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
};

describe("a new template's draft", () => {
  it("becomes Meta's component definitions", () => {
    const parsed = createTemplateBody.parse(
      draft({
        header: { format: "IMAGE", example: "4::aW1hZ2UvanBlZw==" },
        footer: "La Boulangerie",
        buttons: [
          {
            type: "URL",
            text: "Track",
            url: "https://shop.example.com/orders/{{1}}",
            example: "https://shop.example.com/orders/1042",
          },
          { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+33123456789" },
          { type: "QUICK_REPLY", text: "Stop" },
        ],
      }),
    );
    expect(buildTemplateDefinition(parsed)).toEqual({
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw=="] } },
        {
          type: "BODY",
          text: "Hi {{1}}, your order {{2}} is on its way.",
          example: { body_text: [["Camille", "#1042"]] },
        },
        { type: "FOOTER", text: "La Boulangerie" },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "URL",
              text: "Track",
              url: "https://shop.example.com/orders/{{1}}",
              example: ["https://shop.example.com/orders/1042"],
            },
            { type: "PHONE_NUMBER", text: "Call us", phone_number: "+33123456789" },
            { type: "QUICK_REPLY", text: "Stop" },
          ],
        },
      ],
    });
  });

  it("needs one example per body variable, variables in order, and a valid name", () => {
    expect(problemsOf(draft({ body: { text: "Hi {{1}} and {{2}}", examples: ["Camille"] } }))).toEqual([
      "body.examples",
    ]);
    expect(problemsOf(draft({ body: { text: "Hi {{2}}", examples: ["Camille"] } }))).toEqual(["body.text"]);
    expect(problemsOf(draft({ body: { text: "Hi {{first_name}}", examples: ["Camille"] } }))).toEqual([
      "body.text",
    ]);
    expect(problemsOf(draft({ name: "Order Update" }))).toEqual(["name"]);
  });

  it("checks headers: text with at most {{1}} and its sample, media with a sample handle and no text", () => {
    expect(problemsOf(draft({ header: { format: "TEXT", text: "Our {{1}} is on!" } }))).toEqual([
      "header.example",
    ]);
    expect(problemsOf(draft({ header: { format: "TEXT", text: "{{1}} {{2}}", example: "a" } }))).toEqual([
      "header.text",
    ]);
    expect(problemsOf(draft({ header: { format: "VIDEO", text: "Watch" } }))).toEqual([
      "header.text",
      "header.example",
    ]);
  });

  it("keeps Meta's button limits: 2 URL, 1 phone number, quick replies grouped, URL variable at the end", () => {
    const url = { type: "URL", text: "Open", url: "https://example.com" };
    const phone = { type: "PHONE_NUMBER", text: "Call", phoneNumber: "+33123456789" };
    const reply = { type: "QUICK_REPLY", text: "Yes" };
    expect(problemsOf(draft({ buttons: [url, url, url] }))).toEqual(["buttons"]);
    expect(problemsOf(draft({ buttons: [phone, phone] }))).toEqual(["buttons"]);
    expect(problemsOf(draft({ buttons: [reply, url, reply] }))).toEqual(["buttons"]);
    expect(problemsOf(draft({ buttons: [reply, reply, url, phone] }))).toEqual([]);
    expect(problemsOf(draft({ buttons: [{ ...url, url: "https://example.com/{{1}}/track" }] }))).toEqual([
      "buttons.0.url",
    ]);
    expect(problemsOf(draft({ buttons: [{ ...url, url: "https://example.com/{{1}}" }] }))).toEqual([
      "buttons.0.example",
    ]);
    expect(problemsOf(draft({ buttons: Array.from({ length: 11 }, () => reply) }))).toEqual(["buttons"]);
    expect(problemsOf(draft({ buttons: [{ ...reply, text: "x".repeat(26) }] }))).toEqual(["buttons.0.text"]);
  });

  it("sends authentication templates to WhatsApp Manager, whose text Meta fixes", () => {
    expect(problemsOf(draft({ category: "AUTHENTICATION" }))).toEqual(["category"]);
  });
});
