import { describe, expect, it } from "vitest";
import { listParamsOf, validateInboxSearch } from "./inbox-search";

describe("validateInboxSearch", () => {
  it("keeps a known view, status and number id", () => {
    const channel = "0190f5a4-1c2b-7d3e-8f40-123456789abc";
    expect(validateInboxSearch({ view: "mine", status: "snoozed", channel })).toEqual({
      view: "mine",
      status: "snoozed",
      channel,
    });
  });

  it("drops defaults and anything it cannot read", () => {
    expect(validateInboxSearch({ view: "all", status: "active", channel: "x" })).toEqual({});
    expect(validateInboxSearch({ view: "everyone", status: 3 })).toEqual({});
  });

  it("fills the defaults back in for the list query", () => {
    expect(listParamsOf({})).toEqual({ view: "all", status: "active", channelId: undefined });
  });
});
