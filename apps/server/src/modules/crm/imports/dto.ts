import { createHash } from "node:crypto";
import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { imports } from "../tables.ts";

export const importStatuses = imports.status.enumValues;
export const importModes = ["create", "upsert"] as const;

/** The raw CSV body as the upload route receives it; the idempotency layer hashes `toJSON`, not 50 MB. */
export class UploadedFile {
  constructor(readonly bytes: Buffer) {}

  toJSON() {
    return { bytes: this.bytes.length, sha256: hashOf(this.bytes) };
  }
}

function hashOf(bytes: Buffer) {
  return createHash("sha256").update(bytes).digest("hex");
}

export const uploadBody = z
  .instanceof(UploadedFile, { error: "send the CSV file as the request body with Content-Type: text/csv" })
  .meta({ type: "string", format: "binary", description: "The CSV file (UTF-8, comma, semicolon or tab)" });

export const uploadQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .default("contacts.csv")
    .describe("The file's name, shown in the list"),
});

export const importParams = z.strictObject({ id: z.uuid() });
export const importListQuery = pageQuery;

const mappingSchema = z
  .record(z.string().max(500), z.string().max(100))
  .describe(
    "Column name → target: name, firstName, lastName, email, emails, phone, phones, company, lifecycleStage, source, language, timezone, tags, consent.whatsapp|email|sms, custom.<key> or ignore. Unmapped columns are ignored.",
  );

export const importRunBody = z.strictObject({
  mapping: mappingSchema.optional().describe("Defaults to the suggested mapping"),
  mode: z
    .enum(importModes)
    .default("upsert")
    .describe("upsert updates the contact with the same phone (else email); create skips it"),
});

const counts = z.object({
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

export const importSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(importStatuses),
    fileName: z.string(),
    delimiter: z.string(),
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    mapping: z.record(z.string(), z.string()).nullable(),
    mode: z.enum(importModes).nullable(),
    counts,
    failure: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "ContactImportSummary" });

export const importSchema = importSummarySchema
  .extend({
    suggestedMapping: z.record(z.string(), z.string()).describe("The guessed target of each column"),
    preview: z.array(z.array(z.string())).describe("The first rows, as in the file"),
  })
  .meta({ id: "ContactImport" });

export const dryRunSchema = z
  .object({
    rows: z.number().int(),
    wouldCreate: z.number().int(),
    wouldUpdate: z.number().int(),
    wouldSkip: z.number().int(),
    wouldFail: z.number().int(),
    errors: z
      .array(z.object({ rowNumber: z.number().int(), reason: z.string() }))
      .describe("The first 100 failing rows; rowNumber 1 is the first row after the header"),
  })
  .meta({ id: "ContactImportDryRun" });

export type ImportRunInput = z.infer<typeof importRunBody>;
export type ImportSummaryView = z.infer<typeof importSummarySchema>;
export type ImportView = z.infer<typeof importSchema>;
export type DryRunView = z.infer<typeof dryRunSchema>;
