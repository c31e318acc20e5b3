import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icons";
import type { MediaUpload } from "./inbox-api";

/** "Attach": picks one file for the reply, and shows the uploaded one with a way to take it off. */
export function AttachmentPicker({
  attachment,
  uploading,
  buttonClass,
  onPick,
  onRemove,
}: {
  attachment: MediaUpload | undefined;
  uploading: boolean;
  buttonClass: string;
  onPick: (file: File) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const name = attachment ? (attachment.fileName ?? attachment.kind) : "";
  return (
    <>
      <input
        ref={fileRef}
        type="file"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) onPick(file);
        }}
      />
      <button
        type="button"
        onClick={() => fileRef.current?.click()}
        disabled={uploading}
        className={buttonClass}
      >
        <Icon name="attach" className="me-1 inline size-4 align-[-3px]" />
        {uploading ? t("inbox.composer.uploading") : t("inbox.composer.attach")}
      </button>
      {attachment ? (
        <span className="flex min-w-0 items-center gap-1 rounded-full bg-neutral-100 py-0.5 ps-2.5 pe-1 text-xs">
          <span className="truncate">{name}</span>
          <button
            type="button"
            aria-label={t("inbox.composer.removeAttachment", { name })}
            onClick={onRemove}
            className="focus-ring grid size-5 place-items-center rounded-full hover:bg-neutral-200"
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      ) : null}
    </>
  );
}
