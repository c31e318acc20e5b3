import { describe, expect, it } from "vitest";
import { countTemplateVariables } from "./template-variables.ts";

describe("countTemplateVariables", () => {
  it("counts distinct positional placeholders", () => {
    expect(countTemplateVariables("Hello")).toBe(0);
    expect(countTemplateVariables("Hi {{1}}, your order {{2}} ships {{3}}.")).toBe(3);
    expect(countTemplateVariables("{{1}} and again {{1}}")).toBe(1);
    expect(countTemplateVariables("{{10}} {{2}}")).toBe(2);
  });

  it("ignores named and malformed placeholders", () => {
    expect(countTemplateVariables("Hi {{first_name}} {{ 1 }} {1} {{}}")).toBe(0);
  });
});
