import { useMutation } from "@tanstack/react-query";
import { type FormEvent, Fragment, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { FormAlert } from "../../auth/auth-card";
import { FormField } from "../../auth/form-field";
import { type Conversation, type MediaUpload, uploadMedia } from "../inbox-api";
import { useSendMessage } from "../use-send-message";
import { HeaderUploadField } from "./header-upload-field";
import {
  bodyValuesOf,
  buildTemplateSend,
  headerUploadKey,
  listTemplateInputs,
  type TemplateInput,
  type TemplateValues,
  templateFieldErrors,
} from "./template-form";
import { fillPlaceholders, readTemplateParts } from "./template-parts";
import { TemplatePreview } from "./template-preview";
import type { Template } from "./templates-api";

/**
 * One input per value the template needs, the live preview beside them, and Send. The server checks
 * the values against the template; what it refuses shows beside the input it names.
 */
export function TemplateSendForm({
  template,
  conversation,
  onSent,
}: {
  template: Template;
  conversation: Conversation;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const parts = useMemo(() => readTemplateParts(template.components), [template.components]);
  const inputs = useMemo(() => listTemplateInputs(template, parts), [template, parts]);
  const [values, setValues] = useState<TemplateValues>({});
  // A media header takes a link or an uploaded file, never both: choosing one clears the other.
  const [headerUpload, setHeaderUpload] = useState<MediaUpload | undefined>(undefined);
  const upload = useMutation({ mutationFn: uploadMedia });
  // One key per set of values: a double click sends once, a change after a refusal is a new send.
  const idempotencyKey = useRef<string | undefined>(undefined);
  const send = useSendMessage(conversation.id);
  const outgoing = send.variables?.outgoing;
  const sent =
    outgoing?.kind === "reply" && outgoing.reply.type === "template" ? outgoing.reply.template : undefined;
  const { fieldErrors, formMessage } = templateFieldErrors(problemOf(send.error), sent, inputs);
  const uploadError = problemOf(upload.error)?.detail ?? fieldErrors[headerUploadKey];

  function changeValue(key: string, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    idempotencyKey.current = undefined;
  }

  function pickHeaderFile(file: File) {
    changeValue("header.media", "");
    setHeaderUpload(undefined);
    upload.mutate(file, { onSuccess: setHeaderUpload });
  }

  function clearHeaderUpload() {
    // A reset also drops an upload still under way, so it cannot land after a link was typed.
    upload.reset();
    setHeaderUpload(undefined);
    idempotencyKey.current = undefined;
  }

  const labelOf = (input: TemplateInput) => {
    if (input.part === "media") return t(`inbox.templates.media.${input.format}`);
    if (input.part === "button") return t("inbox.templates.buttonVariable", { button: input.text });
    const placeholder = `{{${input.placeholder}}}`;
    return input.part === "header"
      ? t("inbox.templates.headerVariable", { placeholder })
      : t("inbox.templates.bodyVariable", { placeholder });
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending || upload.isPending) return;
    const body = fillPlaceholders(parts.body, bodyValuesOf(inputs, values));
    idempotencyKey.current ??= crypto.randomUUID();
    send.mutate(
      {
        outgoing: {
          kind: "reply",
          reply: {
            type: "template",
            template: buildTemplateSend(template, inputs, values, headerUpload),
          },
          preview: body.map((segment) => segment.text).join("") || template.name,
        },
        idempotencyKey: idempotencyKey.current,
      },
      { onSuccess: onSent },
    );
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {/* The server checks the values and names each missing one, so the browser's own check is off. */}
      <form
        noValidate
        onSubmit={handleSubmit}
        aria-label={t("inbox.templates.formLabel", { name: template.name })}
        className="flex flex-col gap-3"
      >
        <FormAlert message={formMessage} />
        {inputs.length === 0 ? (
          <p className="text-sm text-neutral-600">{t("inbox.templates.noVariables")}</p>
        ) : (
          inputs.map((input) => (
            <Fragment key={input.key}>
              <FormField
                label={labelOf(input)}
                type={input.part === "media" ? "url" : "text"}
                dir={input.part === "media" || input.part === "button" ? "ltr" : "auto"}
                required={!(input.part === "media" && headerUpload)}
                value={values[input.key] ?? ""}
                onChange={(event) => {
                  if (input.part === "media" && (headerUpload || upload.isPending || upload.isError))
                    clearHeaderUpload();
                  changeValue(input.key, event.target.value);
                }}
                hint={
                  input.part === "media"
                    ? t("inbox.templates.mediaHint")
                    : input.part === "button"
                      ? (input.url ?? undefined)
                      : undefined
                }
                error={fieldErrors[input.key]}
              />
              {input.part === "media" ? (
                <HeaderUploadField
                  format={input.format}
                  upload={headerUpload}
                  uploading={upload.isPending}
                  error={uploadError}
                  onPick={pickHeaderFile}
                  onRemove={clearHeaderUpload}
                />
              ) : null}
            </Fragment>
          ))
        )}
        <div>
          <button
            type="submit"
            disabled={send.isPending || upload.isPending}
            aria-busy={send.isPending || undefined}
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {send.isPending ? t("inbox.templates.sending") : t("inbox.templates.send")}
          </button>
        </div>
      </form>
      <TemplatePreview
        parts={parts}
        inputs={inputs}
        values={headerUpload?.fileName ? { ...values, "header.media": headerUpload.fileName } : values}
      />
    </div>
  );
}
