import { describe, expect, it } from "vitest";
import { composerView } from "./composer-view";

const now = Date.parse("2026-03-01T12:00:00Z");
const openWindow = { open: true, expiresAt: new Date(now + 3_600_000).toISOString() };
const expiredWindow = { open: true, expiresAt: new Date(now - 1).toISOString() };
const neverWrote = { open: false, expiresAt: null };

describe("composerView", () => {
  it("offers the reply box while the window is open", () => {
    expect(composerView("reply", { status: "open", window: openWindow }, now)).toBe("write");
    expect(composerView("reply", { status: "snoozed", window: openWindow }, now)).toBe("write");
  });

  it("shows the closed-window notice (and its template picker) once the window has closed", () => {
    expect(composerView("reply", { status: "open", window: expiredWindow }, now)).toBe("window-closed");
    expect(composerView("reply", { status: "pending", window: neverWrote }, now)).toBe("window-closed");
  });

  it("asks to reopen a resolved conversation before any reply, window open or not", () => {
    expect(composerView("reply", { status: "resolved", window: openWindow }, now)).toBe("resolved");
    expect(composerView("reply", { status: "resolved", window: expiredWindow }, now)).toBe("resolved");
  });

  it("always lets the team write a note", () => {
    expect(composerView("note", { status: "resolved", window: expiredWindow }, now)).toBe("write");
    expect(composerView("note", { status: "open", window: neverWrote }, now)).toBe("write");
  });
});
