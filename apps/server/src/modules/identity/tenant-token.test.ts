import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../../platform/crypto.ts";
import { generateTenantToken, parseTenantToken } from "./tenant-token.ts";

const tenantId = "01930000-aaaa-7bbb-8ccc-0123456789ab";

describe("tenant tokens", () => {
  it("carry their tenant and are stored only as a hash", () => {
    const { token, secretHash, visiblePrefix } = generateTenantToken("sbos", tenantId);
    expect(token).toMatch(/^sbos_019300/);
    expect(parseTenantToken("sbos", token)).toEqual({ tenantId, secretHash });
    expect(secretHash).toBe(hashSecretToken(token));
    expect(secretHash).not.toContain(token.slice(-43));
    expect(token).toContain(visiblePrefix.replace("sbos_…", ""));
  });

  it("are unique and reject anything malformed", () => {
    expect(generateTenantToken("sbos", tenantId).token).not.toBe(generateTenantToken("sbos", tenantId).token);
    expect(parseTenantToken("sbos", "sbos_nope")).toBeUndefined();
    expect(parseTenantToken("sbos", `Bearer ${generateTenantToken("sbos", tenantId).token}`)).toBeUndefined();
    expect(parseTenantToken("sbos", generateTenantToken("inv", tenantId).token)).toBeUndefined();
  });
});
