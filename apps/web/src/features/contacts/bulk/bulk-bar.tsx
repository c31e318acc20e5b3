import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { useRealtimeConnected, useRealtimeEvent } from "../../../lib/use-realtime";
import { tagsQuery } from "../contact-records-api";
import { type ContactListParams, contactsKey } from "../contacts-api";
import { ProgressBar } from "../progress-bar";
import {
  applyToContacts,
  applyToSelection,
  type BulkAction,
  type BulkOperation,
  type BulkProgressEvent,
  bulkOperationQuery,
  isBulkFinished,
  selectionOf,
} from "./bulk-api";
import { BulkDialog, type BulkKind } from "./bulk-dialog";

const actionButton =
  "focus-ring rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60";

type Outcome = { kind: "done"; type: BulkKind; count: number } | { kind: "queued"; operation: BulkOperation };

/**
 * The actions on the selected contacts, shown while some are selected. "Select all N matching" widens the
 * selection to the whole search, filter or segment, which the server then changes as a job with progress.
 */
export function BulkBar({
  selected,
  allMatching,
  total,
  params,
  canDelete,
  onSelectAllMatching,
  onClear,
}: {
  selected: ReadonlySet<string>;
  allMatching: boolean;
  total: number | undefined;
  params: Pick<ContactListParams, "q" | "filter" | "segment">;
  canDelete: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const format = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const [dialog, setDialog] = useState<BulkKind | undefined>(undefined);
  const [operation, setOperation] = useState<BulkOperation | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: contactsKey });
    await queryClient.invalidateQueries({ queryKey: tagsQuery.queryKey });
  };
  const applying = useMutation({
    mutationFn: async (resolve: () => Promise<BulkAction>): Promise<Outcome> => {
      const action = await resolve();
      if (allMatching)
        return { kind: "queued", operation: await applyToSelection(action, selectionOf(params)) };
      return { kind: "done", type: action.type, count: await applyToContacts(action, [...selected]) };
    },
    onSuccess: async (outcome) => {
      setDialog(undefined);
      onClear();
      if (outcome.kind === "queued") {
        setOperation(outcome.operation);
        setMessage(undefined);
        return;
      }
      setMessage(
        t(`contacts.bulk.${outcome.type}.done`, { count: outcome.count, formatted: format(outcome.count) }),
      );
      await refresh();
    },
  });

  const count = allMatching ? (total ?? 0) : selected.size;
  const target = allMatching
    ? t("contacts.bulk.allMatching", { count, formatted: format(count) })
    : t("contacts.bulk.contacts", { count, formatted: format(count) });
  const open = (kind: BulkKind) => {
    applying.reset();
    setMessage(undefined);
    setDialog(kind);
  };

  return (
    <div className="empty:hidden">
      {selected.size > 0 || allMatching ? (
        <section
          aria-label={t("contacts.bulk.label")}
          className="flex flex-wrap items-center gap-2 rounded-xl border border-accent-500/40 bg-accent-50 px-3 py-2"
        >
          <p className="text-sm font-medium text-neutral-900" aria-live="polite">
            {allMatching
              ? t("contacts.bulk.allSelected", { count, formatted: format(count) })
              : t("contacts.list.selected", { count: selected.size })}
          </p>
          {!allMatching && total !== undefined && total > selected.size ? (
            <button
              type="button"
              onClick={onSelectAllMatching}
              className="focus-ring rounded-md px-2 py-1 text-sm font-medium text-accent-700 underline hover:bg-white"
            >
              {t("contacts.bulk.selectAllMatching", { count: total, formatted: format(total) })}
            </button>
          ) : null}
          <button
            type="button"
            onClick={onClear}
            className="focus-ring rounded-md px-2 py-1 text-sm font-medium text-accent-700 hover:bg-white"
          >
            {t("contacts.list.clearSelection")}
          </button>
          <span className="flex-1" />
          <div className="flex flex-wrap gap-1.5">
            {(["tag", "untag", "assign", "stage"] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                disabled={operation !== undefined}
                onClick={() => open(kind)}
                className={actionButton}
              >
                {t(`contacts.bulk.${kind}.open`)}
              </button>
            ))}
            {canDelete ? (
              <button
                type="button"
                disabled={operation !== undefined}
                onClick={() => open("delete")}
                className={`${actionButton} border-red-300 text-red-700 hover:bg-red-50`}
              >
                {t("contacts.bulk.delete.open")}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}
      {operation ? (
        <BulkProgress
          key={operation.id}
          initial={operation}
          onFinished={async (finished) => {
            setOperation(undefined);
            setMessage(
              finished.status === "completed"
                ? t(`contacts.bulk.${finished.action.type}.done`, {
                    count: finished.processed,
                    formatted: format(finished.processed),
                  })
                : (finished.failure ?? t("contacts.bulk.failed")),
            );
            await refresh();
          }}
        />
      ) : null}
      <div role="status" className="empty:hidden">
        {message ? (
          <p className="mt-2 flex items-center justify-between gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            {message}
            <button
              type="button"
              onClick={() => setMessage(undefined)}
              aria-label={t("contacts.bulk.dismiss")}
              className="focus-ring rounded px-1 text-green-900 hover:bg-green-100"
            >
              <span aria-hidden="true">✕</span>
            </button>
          </p>
        ) : null}
      </div>
      <BulkDialog
        kind={dialog}
        target={target}
        busy={applying.isPending}
        error={problemOf(applying.error)?.detail}
        onApply={(resolve) => applying.mutate(resolve)}
        onClose={() => setDialog(undefined)}
      />
    </div>
  );
}

/** A queued operation's bar, moved by `crm.bulk.progress` events and by polling when the socket is down. */
function BulkProgress({
  initial,
  onFinished,
}: {
  initial: BulkOperation;
  onFinished: (operation: BulkOperation) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const connected = useRealtimeConnected();
  const key = bulkOperationQuery(initial.id).queryKey;
  const reported = useRef(false);
  const operation = useQuery({
    ...bulkOperationQuery(initial.id),
    initialData: initial,
    refetchInterval: (query) =>
      isBulkFinished(query.state.data?.status) ? false : connected ? 5_000 : 2_000,
  });
  useRealtimeEvent<BulkProgressEvent>("crm.bulk.progress", (event) => {
    if (event.operationId !== initial.id) return;
    queryClient.setQueryData<BulkOperation>(key, (current) =>
      current && !isBulkFinished(current.status)
        ? { ...current, status: event.status, processed: event.processed, total: event.total }
        : current,
    );
  });
  useRealtimeEvent("realtime.ready", () => void queryClient.invalidateQueries({ queryKey: key }));

  const current = operation.data;
  const finished = isBulkFinished(current.status);
  useEffect(() => {
    if (!finished || reported.current) return;
    reported.current = true;
    onFinished(current);
  }, [finished, current, onFinished]);
  const format = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  return (
    <div className="mt-2 rounded-xl border border-neutral-200 bg-white px-4 py-3">
      <ProgressBar
        label={t(`contacts.bulk.${current.action.type}.progress`)}
        done={current.processed}
        total={current.total}
        valueText={t("contacts.bulk.progressText", {
          processed: format(current.processed),
          total: format(current.total),
        })}
      />
    </div>
  );
}
