import { describe, expect, it } from "vitest";
import { exportUrl } from "./export-url";

const query = (url: string) => Object.fromEntries(new URL(url, "http://app.test").searchParams);

describe("the export link of the contact list", () => {
  it("carries the search, the filter as JSON, the segment and the visible columns", () => {
    const filter = {
      match: "all" as const,
      conditions: [{ field: "lifecycleStage", operator: "eq" as const, value: "customer" }],
    };
    const segment = "0190f5c2-7a3b-7c1d-8e9f-0a1b2c3d4e5f";
    const url = exportUrl({ q: "ليلى", filter, segment }, "xlsx", ["name", "owner", "custom.plan"]);
    expect(url.startsWith("/api/v1/exports/contacts?")).toBe(true);
    expect(query(url)).toEqual({
      format: "xlsx",
      q: "ليلى",
      filter: JSON.stringify(filter),
      segmentId: segment,
      // The owner column shows a name; the export takes the field's own name.
      columns: "name,ownerId,custom.plan",
    });
  });

  it("leaves out what the view does not narrow by", () => {
    expect(query(exportUrl({ filter: { match: "any", conditions: [] } }, "csv", []))).toEqual({
      format: "csv",
    });
  });
});
