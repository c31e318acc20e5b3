import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.ts";

describe("CSV fields", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(null)).toBe("");
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
  });

  it("keeps numbers and phone numbers as they are, so an export imports again", () => {
    expect(csvField("+33 6 12 34 56 78")).toBe("+33 6 12 34 56 78");
    expect(csvField("+14155550123")).toBe("+14155550123");
    expect(csvField("-12.5")).toBe("-12.5");
  });
});
