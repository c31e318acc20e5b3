import { useMutation } from "@tanstack/react-query";
import { type DragEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { type ContactImport, maxUploadBytes, uploadImport } from "./imports-api";

class TooLarge extends Error {}

/** Step 1: a CSV file chosen or dropped is uploaded at once; the server's refusal shows in the drop zone. */
export function UploadStep({ onUploaded }: { onUploaded: (upload: ContactImport) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const uploading = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > maxUploadBytes) throw new TooLarge();
      return uploadImport(file);
    },
    onSuccess: onUploaded,
  });
  const message =
    uploading.error instanceof TooLarge
      ? t("contacts.import.upload.tooLarge")
      : problemOf(uploading.error)?.detail;

  function choose(files: FileList | null) {
    const file = files?.[0];
    if (file) uploading.mutate(file);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!uploading.isPending) choose(event.dataTransfer.files);
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="flex flex-col gap-3">
      <h2 id={`${inputId}-title`} className="text-lg font-semibold tracking-tight">
        {t("contacts.import.upload.title")}
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside does the same from the keyboard. */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
        data-dragging={dragging || undefined}
        aria-busy={uploading.isPending || undefined}
        className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-neutral-300 bg-white px-6 py-12 text-center data-dragging:border-accent-500 data-dragging:bg-accent-50"
      >
        <p className="font-medium text-neutral-900">
          {uploading.isPending
            ? t("contacts.import.upload.busy", { name: uploading.variables?.name })
            : t("contacts.import.upload.drop")}
        </p>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-describedby={hintId}
          disabled={uploading.isPending}
          onChange={(event) => {
            choose(event.target.files);
            // The same file chosen again after a fix should upload again.
            event.target.value = "";
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
        >
          {t("contacts.import.upload.choose")}
        </label>
        <p id={hintId} className="max-w-md text-sm text-neutral-600">
          {t("contacts.import.upload.hint")}
        </p>
        <div role="alert" className="empty:hidden">
          {message ? (
            <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("contacts.import.upload.failed")} {message}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
