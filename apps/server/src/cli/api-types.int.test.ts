import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/harness.ts";
import { apiTypesFile, renderApiTypes } from "./api-types.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp();
});
afterAll(() => harness.close());

describe("the web app's API types", () => {
  it("match the server's OpenAPI document (run `npm run api:types` after changing a route)", async () => {
    const expected = await renderApiTypes(harness.app.swagger());
    expect(await readFile(apiTypesFile, "utf8")).toBe(expected);
  });

  it("come from a document that describes every API route", async () => {
    const document = harness.app.swagger() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/api-keys", "/api/v1/api-keys/{id}", "/readyz"]),
    );
  });
});
