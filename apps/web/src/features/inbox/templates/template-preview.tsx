import { useId } from "react";
import { useTranslation } from "react-i18next";
import { bodyValuesOf, type TemplateInput, type TemplateValues } from "./template-form";
import { fillPlaceholders, type TemplateParts, type TextSegment } from "./template-parts";

const segmentClass: Record<TextSegment["kind"], string> = {
  text: "",
  value: "rounded bg-accent-100 px-0.5",
  placeholder: "rounded bg-amber-100 px-0.5 font-mono text-amber-900",
};

function FilledText({ segments }: { segments: TextSegment[] }) {
  return segments.map((segment, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the template fixes the segments; only their values change
    <span key={index} className={segmentClass[segment.kind]}>
      {segment.text}
    </span>
  ));
}

/** The message as the customer will read it, the values typed so far filled in and the missing ones marked. */
export function TemplatePreview({
  parts,
  inputs,
  values,
}: {
  parts: TemplateParts;
  inputs: readonly TemplateInput[];
  values: TemplateValues;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const header = parts.header;
  const mediaUrl = values["header.media"]?.trim();
  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-neutral-100 p-3">
      <h3 id={titleId} className="mb-2 text-xs font-semibold uppercase tracking-wide text-neutral-600">
        {t("inbox.templates.preview")}
      </h3>
      <div
        data-testid="template-preview"
        className="max-w-sm rounded-2xl bg-white px-3 py-2 text-sm text-neutral-900 shadow-xs"
      >
        {header?.format === "TEXT" ? (
          <p className="mb-1 font-semibold">
            <FilledText segments={fillPlaceholders(header.text, [values["header.text"] ?? ""])} />
          </p>
        ) : header ? (
          <p className="mb-2 grid min-h-16 place-items-center break-all rounded-lg bg-neutral-200 px-2 py-3 text-center text-xs text-neutral-600">
            {mediaUrl || header.format.toLowerCase()}
          </p>
        ) : null}
        <p className="whitespace-pre-wrap break-words">
          <FilledText segments={fillPlaceholders(parts.body, bodyValuesOf(inputs, values))} />
        </p>
        {parts.footer ? <p className="mt-1 text-xs text-neutral-500">{parts.footer}</p> : null}
      </div>
      {parts.buttons.length > 0 ? (
        <ul className="mt-1 flex max-w-sm flex-col gap-1">
          {parts.buttons.map((button) => (
            <li
              key={button.index}
              className="rounded-lg bg-white px-3 py-1.5 text-center text-sm font-medium text-accent-700 shadow-xs"
            >
              {button.text}
              {button.type === "URL" ? <span aria-hidden="true"> ↗</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
