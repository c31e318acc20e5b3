import { z } from "zod";

export const filterOperators = [
  "eq",
  "neq",
  "contains",
  "not_contains",
  "starts_with",
  "is_empty",
  "is_not_empty",
  "in",
  "not_in",
  "gt",
  "gte",
  "lt",
  "lte",
  "has_any",
  "has_all",
  "has_none",
] as const;

export type FilterOperator = (typeof filterOperators)[number];

export const filterCondition = z.strictObject({
  field: z
    .string()
    .min(1)
    .max(100)
    .describe("A contact field (`name`, `lifecycleStage`, `tags`, `consent.whatsapp`, `custom.<key>`, …)"),
  operator: z.enum(filterOperators),
  value: z.unknown().optional().describe("What the operator compares with; a list for in/has_* operators"),
});

export type FilterCondition = z.infer<typeof filterCondition>;
export type ContactFilter = { match: "all" | "any"; conditions: (FilterCondition | ContactFilter)[] };

/** Conditions combined with AND (`all`) or OR (`any`); groups nest for mixed logic. */
export const contactFilter: z.ZodType<ContactFilter> = z
  .strictObject({
    match: z.enum(["all", "any"]),
    get conditions() {
      return z.array(z.union([filterCondition, contactFilter])).max(50);
    },
  })
  .meta({ id: "ContactFilter" });

export const isFilterGroup = (entry: FilterCondition | ContactFilter): entry is ContactFilter =>
  "conditions" in entry;
