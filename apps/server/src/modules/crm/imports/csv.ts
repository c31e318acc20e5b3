import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { CsvError, type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { AppError } from "../../../platform/http/errors.ts";

export const csvDelimiters = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

export const maxColumns = 500;
export const previewRows = 10;
/** A record longer than this is a wrong delimiter or a runaway quote, not a contact. */
const maxRecordChars = 1_000_000;

export type SniffedCsv = {
  /** The file as UTF-8 bytes, without its byte order mark. */
  content: Buffer;
  delimiter: CsvDelimiter;
  columns: string[];
  rowCount: number;
  preview: string[][];
};

const refuse = (detail: string) => new AppError("bad_request", detail);

const parseOptions = (delimiter: CsvDelimiter): Options => ({
  delimiter,
  // Files edited on several systems mix line endings.
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  max_record_size: maxRecordChars,
});

/**
 * The file's UTF-8 bytes without a byte order mark; binary files (NUL bytes, invalid UTF-8, UTF-16)
 * are refused. The file stays bytes, never one big string: parsing works on slices of it, and a
 * 20 MB string would be garbage the size of the memory budget.
 */
export function checkCsvBytes(bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(0) || !isUtf8(buffer)) {
    throw refuse("The file is not a text CSV file: export it as CSV (UTF-8) and upload it again.");
  }
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return bom ? buffer.subarray(3) : buffer;
}

const delimiterBytes = new Map<number, CsvDelimiter>(
  csvDelimiters.map((delimiter) => [delimiter.charCodeAt(0), delimiter]),
);

/** The delimiter used most in the header line, outside quotes: comma, semicolon or tab. */
export function detectDelimiter(content: Uint8Array): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(csvDelimiters.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const byte of content) {
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) break;
    else if (!quoted) {
      const delimiter = delimiterBytes.get(byte);
      if (delimiter) counts.set(delimiter, (counts.get(delimiter) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ",";
  for (const delimiter of csvDelimiters) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Header names a mapping can name: blank ones become "Column N", repeated ones get " (2)", " (3)"… */
export function uniqueColumnNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, index) => {
    const base = raw.trim() || `Column ${index + 1}`;
    let name = base;
    for (let copy = 2; seen.has(name); copy++) name = `${base} (${copy})`;
    seen.add(name);
    return name;
  });
}

/** The parser's complaint as a 400 naming the line; any other error as it is. */
function csvProblem(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const reason =
    error.code === "CSV_MAX_RECORD_SIZE"
      ? "a record is longer than 1,000,000 characters (is the delimiter right?)"
      : error.message;
  return refuse(`The file is not a valid CSV: ${reason}.`);
}

/** A streaming parse that yields to the event loop between 64 KB pieces. */
function parseRecords(
  content: Buffer,
  delimiter: CsvDelimiter,
): AsyncIterable<string[]> & { destroy(): void } {
  return Readable.from(slicesOf(content)).pipe(parse(parseOptions(delimiter)));
}

/**
 * Checks an uploaded file and reads what the mapping screen needs, in one streaming pass that keeps
 * no rows but the preview (and never blocks the server for long, even on 50 MB): the delimiter, the
 * header, the number of data rows. Empty, header-only, binary and over-wide files are refused.
 */
export async function sniffCsv(bytes: Uint8Array): Promise<SniffedCsv> {
  const content = checkCsvBytes(bytes);
  if (content.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) {
    throw refuse("The file is empty.");
  }
  const delimiter = detectDelimiter(content);
  let header: string[] | undefined;
  let rowCount = 0;
  const preview: string[][] = [];
  const records = parseRecords(content, delimiter);
  try {
    for await (const record of records) {
      if (header === undefined) {
        header = record;
        if (record.length > maxColumns) {
          throw refuse(`The file has ${record.length} columns; at most ${maxColumns} are accepted.`);
        }
      } else {
        rowCount++;
        if (preview.length < previewRows) preview.push(record);
      }
    }
  } catch (error) {
    throw csvProblem(error);
  } finally {
    records.destroy();
  }
  if (header === undefined) throw refuse("The file is empty.");
  if (rowCount === 0) throw refuse("The file has a header but no rows to import.");
  return { content, delimiter, columns: uniqueColumnNames(header), rowCount, preview };
}

/**
 * The first data rows of a file from the beginning of its text (`complete` when that is the whole
 * file): a record cut off at the end of an incomplete prefix is left out.
 */
export function previewOf(prefix: string, delimiter: CsvDelimiter, complete: boolean): string[][] {
  const records: string[][] = [];
  try {
    parseSync(prefix, {
      ...parseOptions(delimiter),
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
    if (!complete) records.pop();
  } catch {
    // Cut off inside a quoted field: that record was never produced, the ones before it are whole.
  }
  return records.slice(1, previewRows + 1);
}

/** The bytes in pieces (views, not copies), so the parser can pause between them; it joins characters split across two. */
function* slicesOf(content: Buffer, size = 64 * 1024) {
  for (let start = 0; start < content.length; start += size) yield content.subarray(start, start + size);
}

export type RecordBatch = { firstRowNumber: number; records: string[][] };

/**
 * The data rows in batches, after skipping `skip` of them (a resumed import). Parsing streams with
 * back-pressure, so only the current batch of rows is ever held, however long the file.
 */
export async function* readRecordBatches(
  content: Buffer,
  delimiter: CsvDelimiter,
  options: { skip: number; size: number },
): AsyncGenerator<RecordBatch> {
  const parser = parseRecords(content, delimiter);
  let index = -1;
  let batch: string[][] = [];
  let firstRowNumber = options.skip + 1;
  try {
    for await (const record of parser) {
      index++;
      if (index === 0 || index <= options.skip) continue;
      batch.push(record);
      if (batch.length === options.size) {
        yield { firstRowNumber, records: batch };
        firstRowNumber += batch.length;
        batch = [];
      }
    }
  } catch (error) {
    throw csvProblem(error);
  } finally {
    parser.destroy();
  }
  if (batch.length > 0) yield { firstRowNumber, records: batch };
}

/**
 * One CSV line in the file's own delimiter. Values go back exactly as they came (no defusing of
 * leading `=`/`+` as the audit export does), so a phone like +33… survives the fix-and-reimport loop.
 */
export function formatCsvLine(values: readonly string[], delimiter: CsvDelimiter): string {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === "\t" ? "\\t" : delimiter}]`);
  return `${values
    .map((value) => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(delimiter)}\r\n`;
}
