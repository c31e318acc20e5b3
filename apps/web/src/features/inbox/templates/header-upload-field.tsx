import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MediaUpload } from "../inbox-api";
import type { MediaFormat } from "./template-form";

/** What the file input offers per header kind: WhatsApp takes only these for an image or a video. */
const acceptOf: Record<MediaFormat, string | undefined> = {
  IMAGE: "image/jpeg,image/png",
  VIDEO: "video/mp4,video/3gpp",
  DOCUMENT: undefined,
};

/**
 * "Upload a file" for a media header, beside its link: the file uploads as soon as it is chosen,
 * then shows by name with a way to take it off; a refusal (too large, wrong type) shows below it.
 */
export function HeaderUploadField({
  format,
  upload,
  uploading,
  error,
  onPick,
  onRemove,
}: {
  format: MediaFormat;
  upload: MediaUpload | undefined;
  uploading: boolean;
  error: string | undefined;
  onPick: (file: File) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const name = upload ? (upload.fileName ?? upload.kind) : "";
  const describedBy = [uploading || upload ? statusId : undefined, error ? errorId : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">
        {t("inbox.templates.upload")}
      </label>
      <input
        id={id}
        type="file"
        accept={acceptOf[format]}
        disabled={uploading}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again, after removing it, uploads it again.
          event.target.value = "";
          if (file) onPick(file);
        }}
        className="focus-ring rounded-md text-sm text-neutral-700 file:me-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-neutral-50 aria-invalid:file:border-red-600"
      />
      <div id={statusId} role="status" className="text-xs text-neutral-600">
        {uploading ? (
          t("inbox.templates.uploading")
        ) : upload ? (
          <span className="inline-flex min-w-0 max-w-full items-center gap-1 rounded-full bg-neutral-100 py-0.5 ps-2.5 pe-1">
            <span className="truncate" dir="auto">
              {name}
            </span>
            <button
              type="button"
              aria-label={t("inbox.templates.removeUpload", { name })}
              onClick={onRemove}
              className="focus-ring grid size-5 place-items-center rounded-full hover:bg-neutral-200"
            >
              <span aria-hidden="true">✕</span>
            </button>
          </span>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
