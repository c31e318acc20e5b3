import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/http/errors.ts";
import { compileFilter } from "./compile-filter.ts";
import { contactFieldCatalogue } from "./field-catalogue.ts";
import type { ContactFilter } from "./filter-dto.ts";

const catalogue = contactFieldCatalogue([
  { key: "plan", label: "Plan", type: "select", options: ["free", "pro"] },
  { key: "score", label: "Score", type: "number", options: [] },
]);
const dialect = new PgDialect({ casing: "snake_case" });
const render = (filter: ContactFilter) => dialect.sqlToQuery(compileFilter(filter, catalogue, "filter"));

function refusal(filter: ContactFilter) {
  try {
    compileFilter(filter, catalogue, "filter");
  } catch (error) {
    if (error instanceof AppError) return error.extras.errors?.[0];
  }
  throw new Error("the filter was accepted");
}

describe("compileFilter", () => {
  it("binds every value as a parameter, never into the SQL text", () => {
    const query = render({
      match: "any",
      conditions: [
        { field: "name", operator: "contains", value: "'; drop table contacts; --" },
        { field: "custom.plan", operator: "in", value: ["free", "pro"] },
      ],
    });
    expect(query.sql).not.toContain("drop table");
    expect(query.sql).toContain(" or ");
    expect(query.params).toEqual(["%'; drop table contacts; --%", "plan", "free", "pro"]);
  });

  it("escapes LIKE wildcards typed by the user", () => {
    expect(
      render({ match: "all", conditions: [{ field: "email", operator: "starts_with", value: "50%_" }] })
        .params,
    ).toEqual(["50\\%\\_%"]);
  });

  it("names the part of the condition that is wrong", () => {
    expect(refusal({ match: "all", conditions: [{ field: "shoeSize", operator: "eq", value: 1 }] })).toEqual({
      field: "filter.conditions.0.field",
      message: 'unknown field "shoeSize"',
    });
    expect(
      refusal({ match: "all", conditions: [{ field: "tags", operator: "contains", value: "x" }] })?.field,
    ).toBe("filter.conditions.0.operator");
    expect(
      refusal({ match: "all", conditions: [{ field: "custom.score", operator: "gt", value: "12" }] })
        ?.message,
    ).toBe("expected a number");
    expect(
      refusal({ match: "all", conditions: [{ field: "ownerId", operator: "in", value: ["not-a-uuid"] }] })
        ?.message,
    ).toBe("expected an id (UUID)");
    expect(
      refusal({ match: "all", conditions: [{ field: "createdAt", operator: "gt", value: "yesterday" }] })
        ?.field,
    ).toBe("filter.conditions.0.value");
    expect(
      refusal({
        match: "all",
        conditions: [{ match: "any", conditions: [{ field: "custom.plan", operator: "eq", value: "gold" }] }],
      })?.field,
    ).toBe("filter.conditions.0.conditions.0.value");
  });

  it("matches everything with no conditions", () => {
    expect(render({ match: "all", conditions: [] }).sql).toBe("true");
  });
});
