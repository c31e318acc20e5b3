import { useMutation } from "@tanstack/react-query";
import { type Ref, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icons";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { type Conversation, type MediaUpload, uploadMedia } from "./inbox-api";
import { windowLeft } from "./reply-window";
import { type Outgoing, useSendMessage } from "./use-send-message";
import { WindowClosedNotice } from "./window-closed-notice";
import { WindowCountdown } from "./window-countdown";

type Mode = "reply" | "note";

const modeButton =
  "focus-ring rounded-md px-2.5 py-1 text-sm font-medium text-neutral-600 hover:bg-neutral-100 aria-pressed:bg-white aria-pressed:text-neutral-900 aria-pressed:shadow-xs";

/**
 * The reply box: a reply to the customer or an internal note; Enter sends, Shift+Enter starts a new
 * line; an attachment is uploaded first, then sent with the text as its caption. Outside the 24-hour
 * window (or on a resolved conversation) only notes can be written.
 */
export function Composer({
  ref,
  conversation,
  now,
  onReopen,
}: {
  ref: Ref<HTMLTextAreaElement>;
  conversation: Conversation;
  now: number;
  onReopen: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState("");
  const [attachment, setAttachment] = useState<MediaUpload | undefined>(undefined);
  const fileRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  // One key per message written: sending it again (double click, retry after an error) sends it once.
  const idempotencyKey = useRef<string | undefined>(undefined);
  const send = useSendMessage(conversation.id);
  const upload = useMutation({ mutationFn: uploadMedia, onSuccess: (uploaded) => setAttachment(uploaded) });

  const closed = windowLeft(conversation.window, now).closed;
  const resolved = conversation.status === "resolved";
  const replyBlocked = mode === "reply" && (closed || resolved);
  const draftChanged = () => {
    idempotencyKey.current = undefined;
    // Only a shown refusal is cleared: resetting a send in flight would drop its "clear the box" step.
    if (send.isError) send.reset();
  };

  function submit() {
    const body = text.trim();
    if (send.isPending || upload.isPending || replyBlocked) return;
    let outgoing: Outgoing;
    if (mode === "note") {
      if (!body) return;
      outgoing = { kind: "note", body };
    } else if (attachment) {
      outgoing = {
        kind: "reply",
        reply: { type: attachment.kind, mediaId: attachment.id, caption: body || undefined },
        preview: body || attachment.fileName || attachment.kind,
      };
    } else {
      if (!body) return;
      outgoing = { kind: "reply", reply: { type: "text", text: body }, preview: body };
    }
    idempotencyKey.current ??= crypto.randomUUID();
    send.mutate(
      { outgoing, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: () => {
          setText("");
          setAttachment(undefined);
          idempotencyKey.current = undefined;
        },
      },
    );
  }

  const label =
    mode === "note"
      ? t("inbox.composer.noteLabel")
      : t("inbox.composer.replyLabel", { name: conversation.contact.name });

  return (
    <div className="border-t border-neutral-200 bg-white px-3 py-3 sm:px-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <fieldset className="flex gap-0.5 rounded-lg bg-neutral-100 p-0.5">
          <legend className="sr-only">{t("inbox.composer.mode")}</legend>
          {(["reply", "note"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => {
                setMode(option);
                draftChanged();
              }}
              className={modeButton}
            >
              {t(`inbox.composer.${option}`)}
            </button>
          ))}
        </fieldset>
        <span className="flex-1" />
        <WindowCountdown window={conversation.window} now={now} />
      </div>
      {mode === "reply" && resolved ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-neutral-200 bg-neutral-50 px-4 py-3 text-sm">
          <p className="flex-1">{t("inbox.composer.resolved")}</p>
          <button
            type="button"
            onClick={onReopen}
            className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-1.5 font-medium hover:bg-neutral-100"
          >
            {t("inbox.actions.reopen")}
          </button>
        </div>
      ) : mode === "reply" && closed ? (
        <WindowClosedNotice expiresAt={conversation.window.expiresAt} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          className={`rounded-lg border ${mode === "note" ? "border-amber-300 bg-amber-50" : "border-neutral-300 bg-white"} focus-within:border-accent-500`}
        >
          <label htmlFor={inputId} className="sr-only">
            {label}
          </label>
          <textarea
            ref={ref}
            id={inputId}
            rows={3}
            value={text}
            placeholder={
              mode === "note" ? t("inbox.composer.notePlaceholder") : t("inbox.composer.replyPlaceholder")
            }
            onChange={(event) => {
              setText(event.target.value);
              draftChanged();
            }}
            onKeyDown={(event) => {
              if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
              event.preventDefault();
              submit();
            }}
            className="block w-full resize-none rounded-t-lg bg-transparent px-3 py-2 text-sm outline-none"
          />
          <div className="flex flex-wrap items-center gap-2 px-2 pb-2">
            {mode === "reply" ? (
              <>
                <input
                  ref={fileRef}
                  type="file"
                  hidden
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = "";
                    if (!file) return;
                    setAttachment(undefined);
                    draftChanged();
                    upload.mutate(file);
                  }}
                />
                <button
                  type="button"
                  onClick={() => fileRef.current?.click()}
                  disabled={upload.isPending}
                  className="focus-ring rounded-md px-2 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
                >
                  <Icon name="attach" className="me-1 inline size-4 align-[-3px]" />
                  {upload.isPending ? t("inbox.composer.uploading") : t("inbox.composer.attach")}
                </button>
              </>
            ) : null}
            {attachment ? (
              <span className="flex min-w-0 items-center gap-1 rounded-full bg-neutral-100 py-0.5 ps-2.5 pe-1 text-xs">
                <span className="truncate">{attachment.fileName ?? attachment.kind}</span>
                <button
                  type="button"
                  aria-label={t("inbox.composer.removeAttachment", {
                    name: attachment.fileName ?? attachment.kind,
                  })}
                  onClick={() => {
                    setAttachment(undefined);
                    draftChanged();
                  }}
                  className="focus-ring grid size-5 place-items-center rounded-full hover:bg-neutral-200"
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </span>
            ) : null}
            <span className="flex-1 text-end text-xs text-neutral-500 max-sm:invisible">
              {t("inbox.composer.hint")}
            </span>
            <button
              type="submit"
              disabled={send.isPending || upload.isPending}
              className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            >
              {mode === "note" ? t("inbox.composer.addNote") : t("inbox.composer.send")}
            </button>
          </div>
        </form>
      )}
      <InlineAlert message={problemOf(send.error ?? upload.error)?.detail} />
    </div>
  );
}
