import type { Executor } from "../../../platform/db/client.ts";
import type { MessageView } from "./dto.ts";
import { findMedia, type MessageRow } from "./repo.ts";

export const mediaUrl = (mediaId: string) => `/api/v1/media/${mediaId}`;

/** Messages as the API shows them, with their media (one query for the page). */
export async function presentMessages(
  tx: Executor,
  tenantId: string,
  rows: MessageRow[],
): Promise<MessageView[]> {
  const media = new Map(
    (
      await findMedia(
        tx,
        tenantId,
        rows.flatMap((row) => (row.mediaId ? [row.mediaId] : [])),
      )
    ).map((file) => [file.id, file]),
  );
  return rows.map((row) => {
    const file = row.mediaId ? media.get(row.mediaId) : undefined;
    return {
      id: row.id,
      conversationId: row.conversationId,
      direction: row.direction,
      kind: row.kind,
      type: row.type,
      body: row.body,
      media: file
        ? {
            id: file.id,
            mimeType: file.mimeType,
            fileName: file.fileName,
            ready: file.storageKey !== null,
            url: mediaUrl(file.id),
          }
        : null,
      status: row.status,
      statusAt: row.statusAt?.toISOString() ?? null,
      error:
        row.errorCode !== null
          ? { code: row.errorCode, title: row.errorTitle ?? "", detail: row.errorDetail }
          : null,
      authorId: row.authorId,
      providerMessageId: row.providerMessageId,
      replyToProviderId: row.replyToProviderId,
      occurredAt: row.occurredAt.toISOString(),
    };
  });
}
