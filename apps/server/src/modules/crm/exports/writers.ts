import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { csvField } from "../../../platform/csv.ts";
import type { CellValue, ExportColumn, ExportRow } from "./columns.ts";

/** Excel opens UTF-8 CSV with accents, Arabic or CJK correctly only when the file starts with a BOM. */
const byteOrderMark = "\uFEFF";
/** Rows per worksheet: Excel's limit is 1,048,576 including the header row. */
const maxSheetRows = 1_048_575;

/** A CSV cell: text defused against formula injection (`csvField`); real numbers are left as numbers. */
function csvCell(value: CellValue): string {
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "true" : "false";
  return csvField(value);
}

const csvRecord = (cells: string[]) => `${cells.join(",")}\r\n`;

/**
 * The export as a CSV byte stream (UTF-8 with BOM, RFC 4180). It pulls the next batch only when the
 * response has room for it, so a slow download holds one batch in memory, never the whole list.
 */
export function writeCsv(columns: ExportColumn[], batches: AsyncIterable<ExportRow[]>): Readable {
  async function* produce() {
    yield byteOrderMark + csvRecord(columns.map((column) => csvField(column.key)));
    for await (const batch of batches) {
      yield batch.map((row) => csvRecord(columns.map((column) => csvCell(column.value(row))))).join("");
    }
  }
  return Readable.from(produce(), { objectMode: false });
}

/** Resolves when the stream wants more data, or has been closed (the client went away). */
function waitForRoom(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

/**
 * The export as an XLSX byte stream written by exceljs's streaming writer (no shared strings, so
 * nothing accumulates). Between batches it waits for the response to drain: exceljs itself does
 * not hold back, so this loop is what keeps memory flat on a slow download.
 */
export function writeXlsx(columns: ExportColumn[], batches: AsyncIterable<ExportRow[]>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const addSheet = (number: number) => {
    const sheet = workbook.addWorksheet(number === 1 ? "Contacts" : `Contacts ${number}`);
    sheet.columns = columns.map((column) => ({
      header: column.key,
      key: column.key,
      width: column.kind === "timestamp" ? 20 : 24,
      ...(column.kind === "timestamp" ? { style: { numFmt: "yyyy-mm-dd hh:mm:ss" } } : {}),
    }));
    return sheet;
  };

  async function fill() {
    let sheetNumber = 1;
    let sheet = addSheet(sheetNumber);
    let sheetRows = 0;
    for await (const batch of batches) {
      for (const row of batch) {
        if (sheetRows === maxSheetRows) {
          sheet.commit();
          sheetNumber += 1;
          sheet = addSheet(sheetNumber);
          sheetRows = 0;
        }
        sheet.addRow(columns.map((column) => column.value(row))).commit();
        sheetRows += 1;
      }
      await waitForRoom(output);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  }

  fill().catch((error: Error) => output.destroy(error));
  return output;
}
