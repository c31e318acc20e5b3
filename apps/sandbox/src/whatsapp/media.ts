import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { WhatsAppContext } from "./context.ts";
import { invalidParameter } from "./failures.ts";
import { assertGraphVersion, authorizeMedia, authorizeNumber } from "./graph-auth.ts";
import { createObjectId, type StoredMedia, type WhatsAppSandboxState } from "./state.ts";

/** Meta's largest media kind (documents) is 100 MB. */
const maxUploadBytes = 100 * 1024 * 1024;

export function storeMedia(
  state: WhatsAppSandboxState,
  input: { phoneNumberId: string; bytes: Buffer; mimeType: string; filename?: string },
): StoredMedia {
  const media: StoredMedia = {
    ...input,
    id: createObjectId(),
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
  };
  state.media.set(media.id, media);
  return media;
}

/** The retrieve-media answer; the URL is this stand-in's download route, which also wants the bearer token. */
export function presentMediaInfo(media: StoredMedia, baseUrl: string) {
  return {
    messaging_product: "whatsapp",
    url: `${baseUrl}/media-files/${media.id}`,
    mime_type: media.mimeType,
    sha256: media.sha256,
    file_size: media.bytes.length,
    id: media.id,
  };
}

async function readUploadForm(body: unknown, contentType: string | undefined) {
  try {
    return await new Response(new Uint8Array(body as Buffer), {
      headers: { "content-type": contentType ?? "" },
    }).formData();
  } catch {
    throw invalidParameter("The request body is not valid multipart/form-data.");
  }
}

export function registerMediaRoutes(app: FastifyInstance, context: WhatsAppContext) {
  const { state } = context;
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer", bodyLimit: maxUploadBytes },
    (_request, body, done) => done(null, body),
  );

  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    "/:version/:phoneNumberId/media",
    { bodyLimit: maxUploadBytes },
    async (request) => {
      assertGraphVersion(request.params.version);
      const number = authorizeNumber(state, request, "post", request.params.phoneNumberId);
      if (!Buffer.isBuffer(request.body))
        throw invalidParameter("Upload the file as multipart/form-data (messaging_product, type, file).");
      const form = await readUploadForm(request.body, request.headers["content-type"]);
      if (form.get("messaging_product") !== "whatsapp")
        throw invalidParameter("The parameter messaging_product is required.");
      const file = form.get("file");
      if (typeof file === "string" || file === null)
        throw invalidParameter("The parameter file is required.");
      const type = form.get("type");
      if (typeof type !== "string" || type === "") throw invalidParameter("The parameter type is required.");
      const media = storeMedia(state, {
        phoneNumberId: number.phoneNumberId,
        bytes: Buffer.from(await file.arrayBuffer()),
        mimeType: type,
        ...(file.name && { filename: file.name }),
      });
      return { id: media.id };
    },
  );

  app.get<{ Params: { mediaId: string } }>("/media-files/:mediaId", async (request, reply) => {
    const media = authorizeMedia(state, request, "get", request.params.mediaId);
    return reply.type(media.mimeType).header("content-length", media.bytes.length).send(media.bytes);
  });
}
