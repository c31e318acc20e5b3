import { z } from "zod";
import { contactSelection } from "../contacts/dto.ts";

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const contactExportQuery = contactSelection.extend({
  format: z.enum(exportFormats).default("csv").describe("csv (UTF-8 with BOM) or xlsx"),
  columns: z
    .string()
    .max(5_000)
    .optional()
    .describe(
      "Comma-separated field names, in order: id, name, email, emails, phone, phones, phoneAsEntered, company, companyId, ownerId, lifecycleStage, source, language, timezone, avatarUrl, tags, createdAt, updatedAt, custom.<key>. Default: name, email, phone, company, lifecycleStage, ownerId, source, language, timezone, tags, createdAt and every custom field",
    ),
});

export type ContactExportQuery = z.infer<typeof contactExportQuery>;
