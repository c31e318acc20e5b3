import { describe, expect, it } from "vitest";
import { keyFromLabel } from "./field-key";

describe("a custom field's key from its label", () => {
  it("lower-cases and joins words with _", () => {
    expect(keyFromLabel("Customer plan")).toBe("customer_plan");
    expect(keyFromLabel("  Date de naissance (client) ")).toBe("date_de_naissance_client");
    expect(keyFromLabel("Préférence")).toBe("preference");
  });

  it("leaves the key to the person when the label has no latin letter to start with", () => {
    expect(keyFromLabel("الخطة")).toBe("");
    expect(keyFromLabel("2nd phone")).toBe("");
  });

  it("stops at 40 characters, the server's limit", () => {
    expect(keyFromLabel("a".repeat(60))).toHaveLength(40);
  });
});
