import { describe, expect, it } from "vitest";
import { validateContactsSearch } from "./contacts-search";

describe("the contact list's URL", () => {
  it("keeps a search, a filter and an order", () => {
    const filter = { match: "all", conditions: [{ field: "name", operator: "contains", value: "ada" }] };
    expect(validateContactsSearch({ q: "ada", sort: "name", order: "desc", filter })).toEqual({
      q: "ada",
      sort: "name",
      order: "desc",
      filter,
    });
  });

  it("reads a search the router parsed as a number back as text", () => {
    expect(validateContactsSearch({ q: 612345678 })).toEqual({ q: "612345678" });
  });

  it("drops what cannot be a view instead of failing the page", () => {
    expect(
      validateContactsSearch({
        q: "  ",
        sort: "",
        order: "sideways",
        filter: { match: "some", conditions: [] },
      }),
    ).toEqual({});
    expect(validateContactsSearch({ filter: "not an object" })).toEqual({});
    expect(validateContactsSearch({ filter: { match: "all", conditions: [] } })).toEqual({});
    expect(validateContactsSearch({ filter: { match: "all", conditions: [{ operator: "eq" }] } })).toEqual(
      {},
    );
  });
});
