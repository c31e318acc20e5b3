import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { decodeCursor, encodeCursor, toPage } from "./pagination.ts";

describe("keyset pagination", () => {
  it("round-trips a cursor and rejects one it did not make", () => {
    expect(decodeCursor(encodeCursor("01930000-0000-7000-8000-000000000000"))).toBe(
      "01930000-0000-7000-8000-000000000000",
    );
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor("%%%")).toThrow(AppError);
  });

  it("trims the probe row and points the cursor at the last row shown", () => {
    const rows = [{ id: "c" }, { id: "b" }, { id: "a" }];
    const page = toPage(
      rows,
      2,
      (row) => row.id,
      (row) => row.id,
    );
    expect(page).toEqual({ data: ["c", "b"], nextCursor: encodeCursor("b") });
    expect(
      toPage(
        rows,
        3,
        (row) => row.id,
        (row) => row.id,
      ).nextCursor,
    ).toBeNull();
  });
});
