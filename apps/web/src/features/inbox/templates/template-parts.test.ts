import { describe, expect, it } from "vitest";
import { fillPlaceholders, listPlaceholders, readTemplateParts } from "./template-parts";

const orderUpdate = [
  { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://example.com/a.jpg"] } },
  { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way." },
  { type: "FOOTER", text: "Reply STOP to stop" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "URL", text: "Track your order", url: "https://shop.example.com/orders/{{1}}" },
      { type: "QUICK_REPLY", text: "Stop updates" },
    ],
  },
];

describe("readTemplateParts", () => {
  it("reads header, body, footer and buttons from Meta's components", () => {
    expect(readTemplateParts(orderUpdate)).toEqual({
      header: { format: "IMAGE", text: "" },
      body: "Hi {{1}}, your order {{2}} is on its way.",
      footer: "Reply STOP to stop",
      buttons: [
        { index: 0, type: "URL", text: "Track your order", url: "https://shop.example.com/orders/{{1}}" },
        { index: 1, type: "QUICK_REPLY", text: "Stop updates", url: null },
      ],
    });
  });

  it("takes a header without format as text and ignores what it cannot read", () => {
    expect(
      readTemplateParts([{ type: "header", text: "Hello {{1}}" }, null, 3, { type: "CAROUSEL" }]),
    ).toEqual({ header: { format: "TEXT", text: "Hello {{1}}" }, body: "", footer: null, buttons: [] });
  });
});

describe("listPlaceholders", () => {
  it("orders numbered placeholders by number, each once, then named ones as they appear", () => {
    expect(listPlaceholders("{{2}} and {{ 1 }}, again {{2}}, {{first_name}} {{10}}")).toEqual([
      "1",
      "2",
      "10",
      "first_name",
    ]);
  });
});

describe("fillPlaceholders", () => {
  it("puts each value in place of its variable and keeps empty ones as placeholders", () => {
    expect(fillPlaceholders("Hi {{1}}, your order {{2}} is on its way.", ["Camille", "  "])).toEqual([
      { text: "Hi ", kind: "text" },
      { text: "Camille", kind: "value" },
      { text: ", your order ", kind: "text" },
      { text: "{{2}}", kind: "placeholder" },
      { text: " is on its way.", kind: "text" },
    ]);
  });

  it("fills a variable used twice with the same value", () => {
    expect(
      fillPlaceholders("{{1}}/{{1}}", ["a"])
        .map((segment) => segment.text)
        .join(""),
    ).toBe("a/a");
  });
});
