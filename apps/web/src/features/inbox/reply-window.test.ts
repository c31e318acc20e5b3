import { describe, expect, it } from "vitest";
import { windowLeft } from "./reply-window";

const now = Date.parse("2026-03-01T12:00:00Z");
const inMs = (ms: number) => ({ open: true, expiresAt: new Date(now + ms).toISOString() });

describe("windowLeft", () => {
  it("counts whole hours while more than one is left", () => {
    expect(windowLeft(inMs(23 * 3_600_000 + 59 * 60_000), now)).toEqual({
      closed: false,
      unit: "hours",
      count: 23,
    });
    expect(windowLeft(inMs(3_600_000), now)).toEqual({ closed: false, unit: "hours", count: 1 });
  });

  it("counts minutes, rounded up, in the last hour", () => {
    expect(windowLeft(inMs(59 * 60_000 + 1), now)).toEqual({ closed: false, unit: "minutes", count: 60 });
    expect(windowLeft(inMs(1_000), now)).toEqual({ closed: false, unit: "minutes", count: 1 });
  });

  it("reads a window that expired since the server answered as closed", () => {
    expect(windowLeft(inMs(-1), now)).toEqual({ closed: true });
    expect(windowLeft(inMs(0), now)).toEqual({ closed: true });
  });

  it("is closed when the server says so or the customer never wrote", () => {
    expect(windowLeft({ open: false, expiresAt: new Date(now + 60_000).toISOString() }, now)).toEqual({
      closed: true,
    });
    expect(windowLeft({ open: false, expiresAt: null }, now)).toEqual({ closed: true });
  });
});
