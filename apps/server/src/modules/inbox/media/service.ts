import type { Actor } from "../../../platform/actor.ts";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { ObjectStore } from "../../../platform/storage.ts";
import { type AttachmentKind, attachmentLimits } from "../messages/dto.ts";
import { findMedia, insertMedia } from "../messages/repo.ts";

export type MediaService = ReturnType<typeof createMediaService>;

export function attachmentKindOf(mimeType: string): AttachmentKind {
  for (const kind of ["image", "video", "audio"] as const) {
    if ((attachmentLimits[kind].types as readonly string[]).includes(mimeType)) return kind;
  }
  return "document";
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Files agents attach to replies, and the media customers send, served only to their organisation. */
export function createMediaService(deps: { db: Db; storage: ObjectStore }) {
  const { db, storage } = deps;
  return {
    /** Stores an upload within WhatsApp's limits for its kind (by MIME type); answers its id. */
    uploadMedia: async (
      actor: Actor,
      file: { data: Buffer; mimeType: string; fileName: string | undefined },
    ) => {
      if (file.data.length === 0) throw new AppError("bad_request", "The file is empty.");
      const kind = attachmentKindOf(file.mimeType);
      const limit = attachmentLimits[kind].bytes;
      if (file.data.length > limit) {
        throw new AppError(
          "payload_too_large",
          `WhatsApp accepts ${kind} files up to ${megabytes(limit)}; this one is ${megabytes(file.data.length)}.`,
        );
      }
      const id = newId();
      const storageKey = `uploads/${actor.tenantId}/${id}`;
      await storage.put(storageKey, file.data);
      const row = await withTenant(db, actor.tenantId, (tx) =>
        insertMedia(tx, {
          tenantId: actor.tenantId,
          id,
          storageKey,
          mimeType: file.mimeType,
          fileName: file.fileName ?? null,
          byteSize: file.data.length,
        }),
      );
      return { id: row.id, kind, mimeType: row.mimeType, fileName: row.fileName, byteSize: file.data.length };
    },

    /** The bytes of one file of the caller's organisation; 409 while a customer's file is still being fetched. */
    readMedia: async (actor: Actor, id: string) => {
      const [row] = await withTenant(db, actor.tenantId, (tx) => findMedia(tx, actor.tenantId, [id]));
      if (!row) throw notFound("The file");
      if (!row.storageKey)
        throw new AppError("conflict", "The file is still being fetched from WhatsApp; try again shortly.", {
          code: "media_pending",
        });
      const data = await storage.get(row.storageKey);
      if (!data) throw notFound("The file");
      return { data, mimeType: row.mimeType, fileName: row.fileName };
    },
  };
}
