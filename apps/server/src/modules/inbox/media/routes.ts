import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import type { ZodApp } from "../../../platform/module.ts";
import type { MediaService } from "./service.ts";

const tags = ["inbox"];
/** WhatsApp's largest attachment (a document) is 100 MB. */
const uploadLimit = 100 * 1024 * 1024;

const uploadSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["image", "video", "audio", "document"]),
    mimeType: z.string(),
    fileName: z.string().nullable(),
    byteSize: z.number().int(),
  })
  .meta({ id: "MediaUpload" });

export function registerMediaRoutes(app: ZodApp, service: MediaService) {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: uploadLimit }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/v1/media",
      {
        schema: {
          tags,
          summary: "Upload an attachment for a reply (the raw file as the body, its type as Content-Type)",
          description:
            "Images (JPEG, PNG) up to 5 MB, video (MP4, 3GPP) and audio (AAC, AMR, MP3, MP4, OGG) up to 16 MB, any other type as a document up to 100 MB: WhatsApp's limits. Send the id in a reply.",
          querystring: z.object({ fileName: z.string().trim().min(1).max(255).optional() }),
          response: { 201: uploadSchema },
        },
      },
      async (request, reply) => {
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const mimeType =
          (request.headers["content-type"] ?? "application/octet-stream").split(";")[0]?.trim() ??
          "application/octet-stream";
        const stored = await service.uploadMedia(requireActor(request), {
          data,
          mimeType,
          fileName: request.query.fileName,
        });
        return reply.code(201).send(stored);
      },
    );
  });

  app.get(
    "/api/v1/media/:id",
    {
      schema: {
        tags,
        summary: "Download an attachment or a customer's media (same organisation only)",
        params: z.strictObject({ id: z.uuid() }),
        produces: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const file = await service.readMedia(requireActor(request), request.params.id);
      const name = encodeURIComponent(file.fileName ?? request.params.id);
      return reply
        .type(file.mimeType)
        .header("content-disposition", `inline; filename*=UTF-8''${name}`)
        .header("cache-control", "private, max-age=86400")
        .send(file.data);
    },
  );
}
