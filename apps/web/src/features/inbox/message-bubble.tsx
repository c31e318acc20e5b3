import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { formatDateTime } from "../members/format-date";
import { InlineAlert } from "../members/inline-alert";
import { DeliveryTicks } from "./delivery-ticks";
import { type Message, messagesQuery, retryMessage } from "./inbox-api";
import { MessageMedia } from "./message-media";
import { NoteText } from "./note-text";

const timeOf = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** A caption worth showing: not the file name or the type the server falls back to for an attachment. */
const captionOf = (message: Message) =>
  message.media && (message.body === message.media.fileName || message.body === message.type)
    ? null
    : message.body;

/** One message: the customer's on the left, the team's on the right, internal notes in yellow. */
export function MessageBubble({ message, authorName }: { message: Message; authorName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const note = message.kind === "note";
  const outbound = message.direction === "outbound";
  const caption = captionOf(message);
  const tone = note
    ? "border border-amber-200 bg-amber-50 text-amber-950"
    : outbound
      ? "bg-accent-100 text-neutral-900"
      : "border border-neutral-200 bg-white text-neutral-900";

  return (
    <li
      data-testid="message"
      data-direction={message.direction}
      data-kind={message.kind}
      className={`flex flex-col ${outbound ? "items-end" : "items-start"}`}
    >
      <article
        aria-label={
          note
            ? t("inbox.message.noteBy", { name: authorName ?? t("inbox.message.team") })
            : outbound
              ? t("inbox.message.reply")
              : t("inbox.message.fromCustomer")
        }
        className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm shadow-xs sm:max-w-[70%] ${tone}`}
      >
        {note ? (
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-800">
            {t("inbox.message.internalNote")}
            {authorName ? ` · ${authorName}` : ""}
          </p>
        ) : null}
        {message.media ? <MessageMedia message={message} media={message.media} /> : null}
        {caption ? (
          <p className={`whitespace-pre-wrap break-words ${message.media ? "mt-1" : ""}`}>
            {note ? <NoteText body={caption} /> : caption}
          </p>
        ) : message.media ? null : (
          <p className="italic opacity-80">{t("inbox.message.unsupported", { type: message.type })}</p>
        )}
        <p className={`mt-1 flex items-center justify-end gap-1.5 text-[0.7rem] text-neutral-500`}>
          {outbound && !note && authorName ? <span>{authorName} ·</span> : null}
          <time dateTime={message.occurredAt} title={formatDateTime(message.occurredAt, i18n.language)}>
            {timeOf(message.occurredAt, i18n.language)}
          </time>
          {outbound && !note ? <DeliveryTicks status={message.status} /> : null}
        </p>
      </article>
      {message.status === "failed" ? <FailedNotice message={message} /> : null}
    </li>
  );
}

/** Why WhatsApp refused the message, in the provider's words, and a way to send it again. */
function FailedNotice({ message }: { message: Message }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryMessage(message.id),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: messagesQuery(message.conversationId).queryKey }),
  });
  return (
    <div className="mt-1 max-w-[85%] rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900 sm:max-w-[70%]">
      <p className="font-semibold">{message.error?.title ?? t("inbox.message.failed")}</p>
      {message.error?.detail ? <p className="mt-0.5">{message.error.detail}</p> : null}
      <button
        type="button"
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
        className="focus-ring mt-1.5 rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100 disabled:opacity-60"
      >
        {retry.isPending ? t("inbox.message.retrying") : t("inbox.message.retry")}
      </button>
      <InlineAlert message={problemOf(retry.error)?.detail} />
    </div>
  );
}
