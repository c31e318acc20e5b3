import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/http/errors.ts";
import {
  detectDelimiter,
  formatCsvLine,
  previewOf,
  readRecordBatches,
  sniffCsv,
  uniqueColumnNames,
} from "./csv.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function collect(text: string, delimiter: "," | ";" | "\t", skip = 0, size = 2) {
  const batches = [];
  for await (const batch of readRecordBatches(Buffer.from(text), delimiter, { skip, size }))
    batches.push(batch);
  return batches;
}

describe("CSV sniffing", () => {
  it("reads UTF-8 with a byte order mark, without the mark in the first column's name", async () => {
    const sniffed = await sniffCsv(bytes("\ufeffName,Email\nAmélie,amelie@example.com\n"));
    expect(sniffed.columns).toEqual(["Name", "Email"]);
    expect(sniffed.content.toString("utf8")).toBe("Name,Email\nAmélie,amelie@example.com\n");
    expect(sniffed.preview).toEqual([["Amélie", "amelie@example.com"]]);
    expect(sniffed.rowCount).toBe(1);
  });

  it("detects semicolons and tabs from the header, and keeps commas inside semicolon fields", async () => {
    const semicolons = await sniffCsv(bytes("Nom;Prénom;Société\nDupont;Jean;ACME, Inc.\r\nMartin;Léa;\r\n"));
    expect(semicolons.delimiter).toBe(";");
    expect(semicolons.preview).toEqual([
      ["Dupont", "Jean", "ACME, Inc."],
      ["Martin", "Léa", ""],
    ]);
    expect((await sniffCsv(bytes("name\temail\nA\ta@example.com\n"))).delimiter).toBe("\t");
    expect(detectDelimiter(bytes('"a;b",c,d\n1;2;3;4;5\n'))).toBe(",");
  });

  it("keeps newlines inside quoted fields and counts records, not lines", async () => {
    const sniffed = await sniffCsv(bytes('name,notes\n"Ada","line one\nline two"\r\n"Bob","say ""hi"""\n\n'));
    expect(sniffed.rowCount).toBe(2);
    expect(sniffed.preview).toEqual([
      ["Ada", "line one\nline two"],
      ["Bob", 'say "hi"'],
    ]);
  });

  it("refuses binary files: NUL bytes, invalid UTF-8, UTF-16", async () => {
    expect(
      (await refusal(() => sniffCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).detail,
    ).toMatch(/not a text CSV file/);
    expect((await refusal(() => sniffCsv(new Uint8Array([0x6e, 0x61, 0xff, 0xfe, 0x0a])))).detail).toMatch(
      /not a text CSV file/,
    );
    const utf16 = Buffer.from("\ufeffname,email\nA,a@example.com\n", "utf16le");
    expect((await refusal(() => sniffCsv(utf16))).status).toBe(400);
  });

  it("refuses empty and header-only files", async () => {
    expect((await refusal(() => sniffCsv(bytes("")))).detail).toMatch(/empty/);
    expect((await refusal(() => sniffCsv(bytes("\ufeff \r\n\n")))).detail).toMatch(/empty/);
    expect((await refusal(() => sniffCsv(bytes("name,email\r\n")))).detail).toMatch(/no rows/);
    expect((await refusal(() => sniffCsv(bytes("name,email\n,\n")))).detail).toMatch(/no rows/);
  });

  it("refuses 10,000 columns but accepts 500", async () => {
    const header = (count: number) => Array.from({ length: count }, (_, index) => `c${index}`).join(",");
    const wide = await refusal(() => sniffCsv(bytes(`${header(10_000)}\n${"x,".repeat(9_999)}x\n`)));
    expect(wide.status).toBe(400);
    expect(wide.detail).toMatch(/10000 columns; at most 500/);
    expect((await sniffCsv(bytes(`${header(500)}\nx\n`))).columns).toHaveLength(500);
  });

  it("refuses a quote that is never closed, naming the line", async () => {
    expect((await refusal(() => sniffCsv(bytes('name,email\n"Ada,ada@example.com\n')))).detail).toMatch(
      /not a valid CSV: .*line/i,
    );
  });

  it("names blank and repeated headers so a mapping can tell them apart", async () => {
    expect(uniqueColumnNames(["Email", " ", "Email", "", "Email"])).toEqual([
      "Email",
      "Column 2",
      "Email (2)",
      "Column 4",
      "Email (3)",
    ]);
  });
});

describe("reading rows", () => {
  const text = 'name,phone\nA,1\n"B\nB",2\n\nC,3\nD,4\nE,5\n';

  it("streams the rows in batches, numbered from the first row after the header", async () => {
    const batches = await collect(text, ",");
    expect(batches.map((batch) => batch.firstRowNumber)).toEqual([1, 3, 5]);
    expect(batches.flatMap((batch) => batch.records.map((record) => record[0]))).toEqual([
      "A",
      "B\nB",
      "C",
      "D",
      "E",
    ]);
  });

  it("resumes after the rows already processed", async () => {
    const batches = await collect(text, ",", 3);
    expect(batches[0]?.firstRowNumber).toBe(4);
    expect(batches.flatMap((batch) => batch.records.map((record) => record[0]))).toEqual(["D", "E"]);
  });

  it("keeps characters whole when a piece of the file ends in the middle of one", async () => {
    const emoji = "😀é".repeat(40_000);
    const batches = await collect(`name\n${emoji}\n`, ",");
    expect(batches[0]?.records[0]?.[0]).toBe(emoji);
  });

  it("previews from the start of a file, leaving out a record cut off at the end", async () => {
    expect(previewOf('a,b\n1,2\n3,"fou', ",", false)).toEqual([["1", "2"]]);
    expect(previewOf("a,b\n1,2\n3,4", ",", true)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });
});

describe("writing rows back", () => {
  it("quotes only what needs it, in the file's delimiter, keeping values as they were", async () => {
    expect(formatCsvLine(["+33 6 12", 'say "hi"', "a;b", "x"], ";")).toBe(
      '+33 6 12;"say ""hi""";"a;b";x\r\n',
    );
    expect(formatCsvLine(["a,b", "line\nbreak", "=1+1"], ",")).toBe('"a,b","line\nbreak",=1+1\r\n');
  });
});
