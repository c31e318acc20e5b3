import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { PageLoadFailure } from "../../components/page-load-failure";
import { problemOf } from "../../lib/problem";
import type { CellContext, ContactColumn } from "./contact-columns";
import type { Contact } from "./contacts-api";

const rowHeight = 44;
const headerHeight = 40;
const selectRem = 2.75;
// Ask for the next page while this many loaded rows are still below the viewport, so scrolling rarely waits.
const prefetchRows = 40;
const skeletonRows = 8;

/** Where a navigation key moves the active row; `undefined` for any other key. */
function targetRow(key: string, current: number, page: number, last: number): number | undefined {
  switch (key) {
    case "ArrowDown":
    case "j":
      return current + 1;
    case "ArrowUp":
    case "k":
      return current - 1;
    case "PageDown":
      return current + page;
    case "PageUp":
      return current - page;
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return undefined;
  }
}

type ContactPages = InfiniteData<{ data: Contact[]; nextCursor: string | null }>;

export type ContactsTableProps = {
  labelledBy: string;
  list: UseInfiniteQueryResult<ContactPages>;
  total: number | undefined;
  columns: ContactColumn[];
  cellContext: CellContext;
  sort: { field: string; order: "asc" | "desc" };
  onSort: (field: string) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
  onOpen: (contact: Contact) => void;
  empty: ReactNode;
};

const rowId = (contact: Contact) => `contact-row-${contact.id}`;

/**
 * The contact list as an ARIA grid: only the rows in view are in the DOM, at a fixed height, and the
 * next keyset page loads as the reader nears the end. The grid is one tab stop; arrows or j/k move the
 * active row, Enter opens it and Space selects it.
 */
export function ContactsTable(props: ContactsTableProps) {
  const { list, columns, selected, onSelectedChange } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const [activeIndex, setActiveIndex] = useState(-1);
  const hasMore = list.hasNextPage;
  const pageFailed = list.isFetchNextPageError;

  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  const { fetchNextPage, isFetchingNextPage } = list;
  useEffect(() => {
    if (hasMore && !isFetchingNextPage && !pageFailed && lastVisible >= rows.length - prefetchRows) {
      void fetchNextPage();
    }
  }, [hasMore, isFetchingNextPage, pageFailed, lastVisible, rows.length, fetchNextPage]);

  const template = `${selectRem}rem ${columns.map((column) => `minmax(${column.minRem}rem, ${column.grow}fr)`).join(" ")}`;
  const minWidth = `${selectRem + columns.reduce((sum, column) => sum + column.minRem, 0)}rem`;

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  }

  function toggle(contact: Contact) {
    const next = new Set(selected);
    if (next.has(contact.id)) next.delete(contact.id);
    else next.add(contact.id);
    onSelectedChange(next);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys pressed on a header button or a checkbox keep their own meaning.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const active = rows[activeIndex];
    if (event.key === "Enter" || event.key === " " || event.key === "x") {
      if (!active) return;
      event.preventDefault();
      if (event.key === "Enter") props.onOpen(active);
      else toggle(active);
      return;
    }
    const target = targetRow(event.key, activeIndex, page, rows.length - 1);
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  if (list.isError && rows.length === 0) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-6 text-sm text-red-800">
        <p className="font-medium">{t("contacts.list.failed")}</p>
        <p className="mt-1">{problemOf(list.error)?.detail}</p>
        <button
          type="button"
          onClick={() => list.refetch()}
          className="focus-ring mt-3 rounded-md border border-red-300 bg-white px-3 py-1 font-medium text-red-800 hover:bg-red-100"
        >
          {t("contacts.list.retry")}
        </button>
      </div>
    );
  }
  if (!list.isPending && rows.length === 0) return <>{props.empty}</>;

  const loaded = rows.filter((contact) => selected.has(contact.id)).length;
  const allChecked = rows.length > 0 && loaded === rows.length;
  const activeRow = rows[activeIndex];

  function handleClick(event: MouseEvent<HTMLTableElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>("tr[data-index]");
    if (row) setActiveIndex(Number(row.dataset.index));
  }

  return (
    <div
      ref={scrollRef}
      className="relative h-[max(20rem,calc(100dvh-17rem))] overflow-auto rounded-xl border border-neutral-200 bg-white text-sm"
    >
      {/* A table laid out as CSS grid: rows are positioned by the virtualiser, the table keeps its meaning. */}
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA's data grid pattern is a table made interactive.
        role="grid"
        aria-labelledby={props.labelledBy}
        aria-rowcount={props.total !== undefined ? props.total + 1 : -1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        aria-busy={list.isPending || list.isFetching || undefined}
        aria-activedescendant={activeRow ? rowId(activeRow) : undefined}
        tabIndex={0}
        onKeyDown={handleKeyDown}
        onClick={handleClick}
        onFocus={(event) => {
          if (event.target === event.currentTarget && activeIndex < 0 && rows.length > 0) setActiveIndex(0);
        }}
        className="group/grid grid w-full outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
        style={{ minWidth }}
      >
        <thead className="sticky top-0 z-10 grid border-b border-neutral-200 bg-neutral-50">
          <tr
            aria-rowindex={1}
            className="grid"
            style={{ gridTemplateColumns: template, height: headerHeight }}
          >
            <th scope="col" className="flex items-center justify-center">
              <input
                type="checkbox"
                aria-label={t("contacts.list.selectAll")}
                checked={allChecked}
                ref={(element) => {
                  if (element) element.indeterminate = loaded > 0 && !allChecked;
                }}
                disabled={rows.length === 0}
                onChange={() =>
                  onSelectedChange(allChecked ? new Set() : new Set(rows.map((contact) => contact.id)))
                }
                className="focus-ring size-4 accent-accent-600"
              />
            </th>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        {list.isPending ? (
          <tbody aria-hidden="true" className="grid">
            {Array.from({ length: skeletonRows }, (_, index) => `skeleton-${index}`).map((key) => (
              <SkeletonRow key={key} template={template} columns={columns.length} />
            ))}
          </tbody>
        ) : (
          <tbody
            className="relative grid transition-opacity data-stale:opacity-60"
            data-stale={list.isPlaceholderData || undefined}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const contact = rows[item.index];
              const top = item.start - headerHeight;
              if (!contact) {
                return (
                  <tr
                    key="more"
                    aria-rowindex={item.index + 2}
                    className="absolute inset-x-0 top-0 flex"
                    style={{ height: rowHeight, transform: `translateY(${top}px)` }}
                  >
                    <td className="flex h-full flex-1 items-center gap-3 px-4 text-neutral-600">
                      {pageFailed ? (
                        <PageLoadFailure
                          error={list.error}
                          onRetry={() => fetchNextPage()}
                          retryLabel={t("contacts.list.retry")}
                        />
                      ) : (
                        <span>{t("common.loadingMore")}</span>
                      )}
                    </td>
                  </tr>
                );
              }
              const isSelected = selected.has(contact.id);
              return (
                <tr
                  key={contact.id}
                  id={rowId(contact)}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  data-active={item.index === activeIndex || undefined}
                  className="absolute inset-x-0 top-0 grid border-b border-neutral-100 hover:bg-neutral-50 aria-selected:bg-accent-50/60 data-active:bg-neutral-100 group-focus-visible/grid:data-active:outline-2 group-focus-visible/grid:data-active:-outline-offset-2 group-focus-visible/grid:data-active:outline-accent-600"
                  style={{
                    gridTemplateColumns: template,
                    height: rowHeight,
                    transform: `translateY(${top}px)`,
                  }}
                >
                  <td className="flex items-center justify-center">
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={t("contacts.list.selectNamed", { name: contact.name })}
                      checked={isSelected}
                      onChange={() => toggle(contact)}
                      className="size-4 accent-accent-600"
                    />
                  </td>
                  {columns.map((column) => (
                    <td key={column.id} className="flex min-w-0 items-center px-3">
                      <span className="truncate">{column.cell(contact, props.cellContext)}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        )}
      </table>
    </div>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: ContactColumn;
  sort: ContactsTableProps["sort"];
  onSort: (field: string) => void;
}) {
  const { t } = useTranslation();
  const sortField = column.sortField;
  const direction = sortField && sort.field === sortField ? sort.order : undefined;
  const ariaSort = sortField
    ? direction === "asc"
      ? "ascending"
      : direction === "desc"
        ? "descending"
        : "none"
    : undefined;
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className="flex min-w-0 items-center px-3 text-xs font-medium uppercase tracking-wide text-neutral-600"
    >
      {sortField ? (
        <button
          type="button"
          onClick={() => onSort(sortField)}
          title={t("contacts.list.sortBy", { column: column.label })}
          className="focus-ring -mx-1 flex min-w-0 items-center gap-1 rounded px-1 py-0.5 uppercase hover:text-neutral-900"
        >
          <span className="truncate">{column.label}</span>
          <span aria-hidden="true" className={direction ? "text-accent-700" : "text-neutral-300"}>
            {direction === "desc" ? "↓" : "↑"}
          </span>
        </button>
      ) : (
        <span className="truncate">{column.label}</span>
      )}
    </th>
  );
}

function SkeletonRow({ template, columns }: { template: string; columns: number }) {
  return (
    <tr
      className="grid border-b border-neutral-100"
      style={{ gridTemplateColumns: template, height: rowHeight }}
    >
      <td className="flex items-center justify-center">
        <span className="size-4 animate-pulse rounded bg-neutral-200" />
      </td>
      {Array.from({ length: columns }, (_, index) => `cell-${index}`).map((key) => (
        <td key={key} className="flex items-center px-3">
          <span className="h-3 w-3/4 animate-pulse rounded bg-neutral-200" />
        </td>
      ))}
    </tr>
  );
}
