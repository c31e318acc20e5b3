import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { contactExportQuery } from "./dto.ts";
import type { ExportService } from "./service.ts";

const tags = ["crm"];

export function registerExportRoutes(app: ZodApp, service: ExportService) {
  app.get(
    "/api/v1/exports/contacts",
    {
      schema: {
        tags,
        summary: "Download contacts as CSV or XLSX",
        description: [
          "Streams every contact of a search (`q`), filter (`filter`, a ContactFilter as JSON) and segment (`segmentId`), combined with AND, as a file attachment named `contacts-<date>.<format>`.",
          "A plain GET, so a browser downloads it through a link with its session cookie; API keys work as `Authorization: Bearer`.",
          "CSV is UTF-8 with a byte order mark (Excel shows accents, Arabic and CJK correctly), RFC 4180 quoting, and text cells starting with `=`, `+`, `-` or `@` prefixed with `'` so a spreadsheet never runs them as formulas — except numbers and phone numbers (`+33612345678` stays as it is, so an export imports again).",
          "XLSX has typed numbers, booleans and dates; past 1,048,575 rows it continues on a further sheet.",
          "Lists in a cell (tags, further emails and phones, multi-select values) are separated by `; `.",
          "Rows are read and sent in batches, so memory stays flat whatever the size; a problem found before the first byte is answered as problem+json, a failure mid-way ends the download early.",
        ].join("\n\n"),
        querystring: contactExportQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: z.string().describe("The file") },
      },
    },
    async (request, reply) => {
      const file = await service.exportContacts(requireActor(request), request.query);
      return (
        reply
          .type(file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .header("cache-control", "no-store")
          // A stream is sent as it is; the schema above only documents the answer.
          .send(file.body as unknown as string)
      );
    },
  );
}
