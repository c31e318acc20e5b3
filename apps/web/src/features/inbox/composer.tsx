import { useMutation } from "@tanstack/react-query";
import { type Ref, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { AttachmentPicker } from "./attachment-picker";
import { ComposerInput } from "./composer-input";
import { composerView } from "./composer-view";
import { type Conversation, type MediaUpload, uploadMedia } from "./inbox-api";
import { type Mention, mentionedIds } from "./mentions";
import { TemplatePicker } from "./templates/template-picker";
import { type Outgoing, useSendMessage } from "./use-send-message";
import { WindowClosedNotice } from "./window-closed-notice";
import { WindowCountdown } from "./window-countdown";

type Mode = "reply" | "note";

const modeButton =
  "focus-ring rounded-md px-2.5 py-1 text-sm font-medium text-neutral-600 hover:bg-neutral-100 aria-pressed:bg-white aria-pressed:text-neutral-900 aria-pressed:shadow-xs";
const toolButton =
  "focus-ring rounded-md px-2 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60";

/**
 * The reply box: a reply to the customer or an internal note mentioning members; an attachment is
 * uploaded first, then sent with the text as its caption; a template can be chosen at any time, and
 * is all WhatsApp delivers outside the 24-hour window. On a resolved conversation only notes go.
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
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [attachment, setAttachment] = useState<MediaUpload | undefined>(undefined);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const inputId = useId();
  // One key per message written: sending it again (double click, retry after an error) sends it once.
  const idempotencyKey = useRef<string | undefined>(undefined);
  const send = useSendMessage(conversation.id);
  const upload = useMutation({ mutationFn: uploadMedia, onSuccess: (uploaded) => setAttachment(uploaded) });

  const view = composerView(mode, conversation, now);
  const draftChanged = () => {
    idempotencyKey.current = undefined;
    // Only a shown refusal is cleared: resetting a send in flight would drop its "clear the box" step.
    if (send.isError) send.reset();
  };

  function submit() {
    const body = text.trim();
    if (send.isPending || upload.isPending || view !== "write") return;
    let outgoing: Outgoing;
    if (mode === "note") {
      if (!body) return;
      outgoing = { kind: "note", body, mentions: mentionedIds(body, mentions) };
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
          setMentions([]);
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
      {view === "resolved" ? (
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
      ) : view === "window-closed" ? (
        <WindowClosedNotice
          expiresAt={conversation.window.expiresAt}
          onChooseTemplate={() => setTemplatesOpen(true)}
        />
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
          <ComposerInput
            ref={ref}
            id={inputId}
            mode={mode}
            conversationId={conversation.id}
            value={text}
            placeholder={
              mode === "note" ? t("inbox.composer.notePlaceholder") : t("inbox.composer.replyPlaceholder")
            }
            onChange={(value) => {
              setText(value);
              draftChanged();
            }}
            onSubmit={submit}
            onMention={(mention) => setMentions((chosen) => [...chosen, mention])}
          />
          <div className="flex flex-wrap items-center gap-2 px-2 pb-2">
            {mode === "reply" ? (
              <>
                <AttachmentPicker
                  attachment={attachment}
                  uploading={upload.isPending}
                  buttonClass={toolButton}
                  onPick={(file) => {
                    setAttachment(undefined);
                    draftChanged();
                    upload.mutate(file);
                  }}
                  onRemove={() => {
                    setAttachment(undefined);
                    draftChanged();
                  }}
                />
                <button type="button" onClick={() => setTemplatesOpen(true)} className={toolButton}>
                  {t("inbox.composer.template")}
                </button>
              </>
            ) : null}
            <span className="flex-1 text-end text-xs text-neutral-500 max-sm:invisible">
              {mode === "note" ? t("inbox.composer.noteHint") : t("inbox.composer.hint")}
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
      <TemplatePicker
        open={templatesOpen}
        conversation={conversation}
        onClose={() => setTemplatesOpen(false)}
      />
    </div>
  );
}
