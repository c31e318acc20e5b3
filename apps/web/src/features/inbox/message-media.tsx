import { useTranslation } from "react-i18next";
import type { Message } from "./inbox-api";

/** A message's attachment: an image inline, a player for audio and video, a link for a document. */
export function MessageMedia({ message, media }: { message: Message; media: NonNullable<Message["media"]> }) {
  const { t } = useTranslation();
  const name = media.fileName ?? t(`inbox.media.kinds.${mediaKindOf(media.mimeType)}`);
  if (!media.ready) {
    return (
      <p className="flex items-center gap-2 text-xs italic opacity-80">
        <span
          aria-hidden="true"
          className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
        {t("inbox.media.fetching", { name })}
      </p>
    );
  }
  const kind = mediaKindOf(media.mimeType);
  if (kind === "image" && (message.type === "image" || message.type === "sticker")) {
    return (
      <a href={media.url} target="_blank" rel="noreferrer" className="focus-ring block rounded">
        <img
          src={media.url}
          alt={message.body ?? name}
          loading="lazy"
          className="max-h-72 max-w-full rounded-md object-contain"
        />
      </a>
    );
  }
  if (kind === "video") {
    return (
      // biome-ignore lint/a11y/useMediaCaption: customers' videos come without captions to offer.
      <video
        controls
        preload="metadata"
        src={media.url}
        aria-label={name}
        className="max-h-72 max-w-full rounded-md"
      />
    );
  }
  if (kind === "audio") {
    return (
      // biome-ignore lint/a11y/useMediaCaption: voice notes come without captions to offer.
      <audio controls preload="metadata" src={media.url} aria-label={name} className="max-w-full" />
    );
  }
  return (
    <a
      href={media.url}
      target="_blank"
      rel="noreferrer"
      className="focus-ring flex items-center gap-2 rounded-md border border-current/20 px-2 py-1.5 text-sm font-medium underline-offset-2 hover:underline"
    >
      <span aria-hidden="true">📄</span>
      <span className="truncate">{name}</span>
    </a>
  );
}

function mediaKindOf(mimeType: string): "image" | "video" | "audio" | "document" {
  const family = mimeType.split("/")[0];
  return family === "image" || family === "video" || family === "audio" ? family : "document";
}
