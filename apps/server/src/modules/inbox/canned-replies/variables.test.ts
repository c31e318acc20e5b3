import { describe, expect, it } from "vitest";
import { renderCannedReply, unknownVariables } from "./variables.ts";

describe("canned reply variables", () => {
  it("fills the contact's names, phone and email; leaves unknown ones visible", () => {
    const contact = { name: "Amélie  Dupont Martin", phone: "+33612345678", email: null };
    expect(
      renderCannedReply(
        "Bonjour {{contact.first_name}} {{ contact.last_name }}, {{contact.phone}}{{contact.email}}",
        contact,
      ),
    ).toBe("Bonjour Amélie Dupont Martin, +33612345678");
    expect(renderCannedReply("{{agent.name}}", contact)).toBe("{{agent.name}}");
  });

  it("names the variables it does not know", () => {
    expect(unknownVariables("Hi {{contact.first_name}}, I am {{agent.name}} {{agent.name}}")).toEqual([
      "agent.name",
    ]);
  });
});
