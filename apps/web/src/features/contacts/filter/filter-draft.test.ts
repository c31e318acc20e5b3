import { describe, expect, it } from "vitest";
import { conditionErrorsOf, fromDraft, toDraft } from "./filter-draft";

const problem = (errors: { field: string; message: string }[]) => ({
  type: "about:blank",
  title: "Bad Request",
  status: 400,
  detail: "The filter is not valid.",
  errors,
});

describe("filter drafts", () => {
  it("round-trips a filter with one nested group, leaving keys out of what is sent", () => {
    const filter = {
      match: "any" as const,
      conditions: [
        { field: "lifecycleStage", operator: "eq" as const, value: "lead" },
        {
          match: "all" as const,
          conditions: [
            { field: "tags", operator: "has_any" as const, value: ["0195f0c2-8a4e-7c3b-9d2e-1f2a3b4c5d6e"] },
            { field: "email", operator: "is_empty" as const },
          ],
        },
      ],
    };
    const draft = toDraft(filter);
    expect(draft.conditions.every((entry) => typeof entry.key === "string")).toBe(true);
    expect(fromDraft(draft)).toEqual(filter);
  });

  it("flattens groups nested deeper than one level into their group, and drops empty groups", () => {
    const draft = toDraft({
      match: "all",
      conditions: [
        {
          match: "any",
          conditions: [
            { field: "name", operator: "contains", value: "a" },
            { match: "all", conditions: [{ field: "name", operator: "contains", value: "b" }] },
          ],
        },
        { match: "all", conditions: [] },
      ],
    });
    expect(fromDraft(draft)).toEqual({
      match: "all",
      conditions: [
        {
          match: "any",
          conditions: [
            { field: "name", operator: "contains", value: "a" },
            { field: "name", operator: "contains", value: "b" },
          ],
        },
      ],
    });
    expect(fromDraft(toDraft(undefined))).toBeUndefined();
  });

  it("files the server's errors under the condition they name", () => {
    const { byPath, general } = conditionErrorsOf(
      problem([
        { field: "querystring.filter.conditions.2.value", message: "expected a number" },
        { field: "querystring.filter.conditions.1.conditions.0.field", message: 'unknown field "nope"' },
        {
          field: "querystring.filter.conditions.1.conditions.0.value",
          message: "ignored: field comes first",
        },
        { field: "querystring.sort", message: "not about the filter" },
      ]),
    );
    expect(Object.fromEntries(byPath)).toEqual({
      "2": { value: "expected a number" },
      "1.0": { field: 'unknown field "nope"', value: "ignored: field comes first" },
    });
    expect(general).toBeUndefined();
  });

  it("reports a filter that is wrong as a whole (not JSON) apart from any condition", () => {
    const { byPath, general } = conditionErrorsOf(
      problem([{ field: "querystring.filter", message: "not valid JSON" }]),
    );
    expect(byPath.size).toBe(0);
    expect(general).toBe("not valid JSON");
    expect(conditionErrorsOf(undefined).general).toBeUndefined();
  });
});
