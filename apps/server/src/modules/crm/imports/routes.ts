import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { AppError } from "../../../platform/http/errors.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  dryRunSchema,
  importListQuery,
  importParams,
  importRunBody,
  importSchema,
  importSummarySchema,
  UploadedFile,
  uploadBody,
  uploadQuery,
} from "./dto.ts";
import type { ImportService } from "./service.ts";

const tags = ["crm"];
export const maxUploadBytes = 50 * 1024 * 1024;

const tooLarge = () =>
  new AppError("payload_too_large", "The file is too large: upload a CSV file of at most 50 MB.");

/** Reads the raw body up to the upload limit, refusing a larger one as soon as it is known. */
async function readUpload(request: FastifyRequest, payload: IncomingMessage): Promise<UploadedFile> {
  const declared = Number(request.headers["content-length"]);
  if (declared > maxUploadBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > maxUploadBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return new UploadedFile(Buffer.concat(chunks));
}

function attachmentName(fileName: string) {
  const ascii = fileName.replace(/[^\w.-]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerImportRoutes(app: ZodApp, service: ImportService) {
  // Only the upload takes text/csv, with its own limit: the parser lives in this plugin's scope.
  app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    // Browsers label .csv files variously (Windows with Excel: application/vnd.ms-excel).
    uploads.removeContentTypeParser("text/plain");
    uploads.addContentTypeParser(
      ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"],
      (request: FastifyRequest, payload: IncomingMessage) => readUpload(request, payload),
    );
    uploads.post(
      "/api/v1/imports",
      {
        bodyLimit: maxUploadBytes,
        schema: {
          tags,
          summary: "Upload a CSV file of contacts to import",
          description:
            "Send the file as the raw body with `Content-Type: text/csv` (at most 50 MB, UTF-8 with or without BOM, comma, semicolon or tab). Answers the import with its columns, row count, a preview and a suggested mapping; then dry-run and start it.",
          consumes: ["text/csv"],
          querystring: uploadQuery,
          body: uploadBody,
          response: { 201: importSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.uploadFile(requireActor(request), request.query.fileName, request.body)),
    );
  });

  app.get(
    "/api/v1/imports",
    {
      schema: {
        tags,
        summary: "The organisation's contact imports, newest first",
        querystring: importListQuery,
        response: { 200: pageOf(importSummarySchema) },
      },
    },
    (request) => service.listImports(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/imports/:id",
    {
      schema: {
        tags,
        summary: "One import: columns, preview, suggested mapping, progress and counts",
        params: importParams,
        response: { 200: importSchema },
      },
    },
    (request) => service.getImport(requireActor(request), request.params.id),
  );

  app.post(
    "/api/v1/imports/:id/dry-run",
    {
      schema: {
        tags,
        summary: "Validate every row with a mapping and count what the import would do",
        params: importParams,
        body: importRunBody,
        response: { 200: dryRunSchema },
      },
    },
    (request) => service.dryRunImport(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/imports/:id/start",
    {
      schema: {
        tags,
        summary: "Start the import in the background",
        description: "Progress arrives over the WebSocket as `crm.import.progress` events.",
        params: importParams,
        body: importRunBody,
        response: { 202: importSchema },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await service.startImport(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/api/v1/imports/:id/errors.csv",
    {
      schema: {
        tags,
        summary: "The failed rows as CSV, each with its row number and reason",
        params: importParams,
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV: the file's columns, then row and error") },
      },
    },
    async (request, reply) => {
      const { fileName, lines } = await service.exportErrors(requireActor(request), request.params.id);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", attachmentName(fileName))
          // A stream is sent as it is; the schema above only documents the answer.
          .send(Readable.from(lines) as unknown as string)
      );
    },
  );

  app.delete(
    "/api/v1/imports/:id",
    {
      schema: {
        tags,
        summary: "Delete a finished import's record and file (its contacts stay)",
        params: importParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteImport(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
