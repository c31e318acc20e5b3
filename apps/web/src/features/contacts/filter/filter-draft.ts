import type { Problem } from "../../../lib/problem";
import type { ContactFilter } from "../contacts-api";
import type { FilterOperator } from "./filter-fields";

/** A condition being edited; `key` only tells React rows apart and is never sent. */
export type DraftCondition = { key: string; field: string; operator: FilterOperator; value: unknown };
export type DraftGroup = { key: string; match: "all" | "any"; conditions: DraftCondition[] };
export type DraftFilter = { match: "all" | "any"; conditions: (DraftCondition | DraftGroup)[] };

export const isDraftGroup = (entry: DraftCondition | DraftGroup): entry is DraftGroup =>
  "conditions" in entry;

let lastKey = 0;
export const newKey = () => `c${++lastKey}`;

type ApiEntry = ContactFilter["conditions"][number];
const isApiGroup = (entry: ApiEntry): entry is ContactFilter => "conditions" in entry;

function toDraftCondition(entry: Exclude<ApiEntry, ContactFilter>): DraftCondition {
  return { key: newKey(), field: entry.field, operator: entry.operator, value: entry.value };
}

/** The filter from the URL as an editable draft; groups deeper than one level are flattened into theirs. */
export function toDraft(filter: ContactFilter | undefined): DraftFilter {
  if (!filter) return { match: "all", conditions: [] };
  const flatten = (group: ContactFilter): DraftCondition[] =>
    group.conditions.flatMap((entry) => (isApiGroup(entry) ? flatten(entry) : [toDraftCondition(entry)]));
  return {
    match: filter.match,
    conditions: filter.conditions.map((entry) =>
      isApiGroup(entry)
        ? { key: newKey(), match: entry.match, conditions: flatten(entry) }
        : toDraftCondition(entry),
    ),
  };
}

function toApiCondition(condition: DraftCondition) {
  return condition.value === undefined
    ? { field: condition.field, operator: condition.operator }
    : { field: condition.field, operator: condition.operator, value: condition.value };
}

/** The draft as the server's ContactFilter: empty groups are dropped, nothing else is second-guessed. */
export function fromDraft(draft: DraftFilter): ContactFilter | undefined {
  const conditions = draft.conditions.flatMap((entry): ApiEntry[] => {
    if (!isDraftGroup(entry)) return [toApiCondition(entry)];
    if (entry.conditions.length === 0) return [];
    return [{ match: entry.match, conditions: entry.conditions.map(toApiCondition) }];
  });
  return conditions.length > 0 ? { match: draft.match, conditions } : undefined;
}

export type ConditionErrors = Partial<Record<"field" | "operator" | "value", string>>;

/**
 * The server's 400 for a filter names `querystring.filter.conditions.N[.conditions.M].part`; this files
 * each message under the path of the condition it names ("0", "1.2"), in the draft that was sent.
 */
export function conditionErrorsOf(problem: Problem | undefined): {
  byPath: Map<string, ConditionErrors>;
  general: string | undefined;
} {
  const byPath = new Map<string, ConditionErrors>();
  let general: string | undefined;
  for (const entry of problem?.errors ?? []) {
    if (!entry.field.startsWith("querystring.filter")) continue;
    const match = /^querystring\.filter((?:\.conditions\.\d+)+)(?:\.(field|operator|value))?/.exec(
      entry.field,
    );
    if (!match?.[1]) {
      general ??= entry.message;
      continue;
    }
    const path = [...match[1].matchAll(/\.conditions\.(\d+)/g)].map((part) => part[1]).join(".");
    const part = (match[2] ?? "value") as keyof ConditionErrors;
    const errors = byPath.get(path) ?? {};
    errors[part] ??= entry.message;
    byPath.set(path, errors);
  }
  return { byPath, general };
}
