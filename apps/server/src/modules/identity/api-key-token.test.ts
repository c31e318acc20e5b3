import { describe, expect, it } from "vitest";
import { generateApiKeyToken, hashApiKeyToken, parseApiKeyToken } from "./api-key-token.ts";

const tenantId = "01930000-aaaa-7bbb-8ccc-0123456789ab";

describe("API key tokens", () => {
  it("carry their tenant and are stored only as a hash", () => {
    const { token, secretHash, visiblePrefix } = generateApiKeyToken(tenantId);
    expect(token).toMatch(/^sbos_019300/);
    expect(parseApiKeyToken(token)).toEqual({ tenantId, secretHash });
    expect(secretHash).toBe(hashApiKeyToken(token));
    expect(secretHash).not.toContain(token.slice(-43));
    expect(token).toContain(visiblePrefix.replace("sbos_…", ""));
  });

  it("are unique and reject anything malformed", () => {
    expect(generateApiKeyToken(tenantId).token).not.toBe(generateApiKeyToken(tenantId).token);
    expect(parseApiKeyToken("sbos_nope")).toBeUndefined();
    expect(parseApiKeyToken(`Bearer ${generateApiKeyToken(tenantId).token}`)).toBeUndefined();
  });
});
