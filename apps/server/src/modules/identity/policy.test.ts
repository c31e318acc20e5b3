import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/http/errors.ts";
import { assertCan, can, canGrantRole, presentPolicies } from "./policy.ts";

const actor = (role: "owner" | "admin" | "member") => ({ tenantId: "t", role });

describe("identity policy", () => {
  it("lets admins and owners manage API keys, not members", () => {
    expect(can(actor("owner"), "apiKeys.manage")).toBe(true);
    expect(can(actor("admin"), "apiKeys.manage")).toBe(true);
    expect(can(actor("member"), "apiKeys.manage")).toBe(false);
    expect(() => assertCan(actor("member"), "apiKeys.read")).toThrow(AppError);
  });

  it("never grants a role above the actor's own", () => {
    expect(canGrantRole(actor("admin"), "owner")).toBe(false);
    expect(canGrantRole(actor("admin"), "admin")).toBe(true);
    expect(canGrantRole(actor("owner"), "owner")).toBe(true);
  });

  it("presents the same rules to the web app", () => {
    expect(presentPolicies(actor("member"))).toEqual({
      "organization.read": true,
      "organization.update": false,
      "organization.delete": false,
      "apiKeys.read": false,
      "apiKeys.manage": false,
      "members.read": true,
      "members.manage": false,
    });
  });
});
