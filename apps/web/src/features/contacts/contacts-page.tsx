import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { useDocumentTitle } from "../../lib/use-document-title";
import { membersQuery } from "../members/members-api";
import { meQuery } from "../session/me-query";
import { BulkBar } from "./bulk/bulk-bar";
import { ColumnChooser } from "./column-chooser";
import { builtInColumns, type CellContext, customFieldColumns } from "./contact-columns";
import { segmentsQuery, tagsQuery } from "./contact-records-api";
import {
  type Contact,
  type ContactFilter,
  contactCountQuery,
  contactListQuery,
  customFieldsQuery,
} from "./contacts-api";
import { type ContactsSearch, lastListSearch } from "./contacts-search";
import { ContactsTable } from "./contacts-table";
import { ExportMenu } from "./export-menu";
import { FilterBuilder } from "./filter/filter-builder";
import { conditionErrorsOf } from "./filter/filter-draft";
import { filterFields } from "./filter/filter-fields";
import { NewContactDialog } from "./new-contact-dialog";
import { SearchBox } from "./search-box";
import { SaveSegmentForm, SegmentSelect } from "./segment-controls";
import { useColumnPreferences } from "./use-column-preferences";

const route = getRouteApi("/app/contacts");

const toolbarButton =
  "focus-ring inline-flex items-center gap-1.5 rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100 aria-expanded:border-accent-500 aria-expanded:bg-accent-50 aria-expanded:text-accent-700";

const countConditions = (filter: ContactFilter | undefined): number =>
  filter?.conditions.reduce((sum, entry) => sum + ("conditions" in entry ? countConditions(entry) : 1), 0) ??
  0;

/** The contact list: search, filters, sort and columns in the URL so any view can be shared as a link. */
export function ContactsPage() {
  const { t, i18n } = useTranslation();
  const title = t("nav.contacts");
  useDocumentTitle(title);
  const search = route.useSearch();
  useEffect(() => {
    lastListSearch.current = search;
  }, [search]);
  const navigate = route.useNavigate();
  const titleId = useId();
  const filterPanelId = useId();
  const columnsPanelId = useId();

  const me = useQuery(meQuery);
  const canDelete =
    me.data !== undefined && (me.data.can["contacts.bulk_delete"] ?? me.data.role !== "member");
  const customFields = useQuery(customFieldsQuery);
  const members = useQuery(membersQuery);
  const tags = useQuery(tagsQuery);
  const segments = useQuery(segmentsQuery);
  const list = useInfiniteQuery({ ...contactListQuery(search), placeholderData: keepPreviousData });
  const count = useQuery({ ...contactCountQuery(search), placeholderData: keepPreviousData });

  const [filterOpen, setFilterOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Contact | undefined>(undefined);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  // "Select all N matching": the whole search, filter or segment, not only the rows loaded so far.
  const [allMatching, setAllMatching] = useState(false);
  const paramsKey = JSON.stringify(search);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search, filter or order starts a new selection.
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [paramsKey]);
  const changeSelection = (next: Set<string>) => {
    setSelected(next);
    setAllMatching(false);
  };

  const preferences = useColumnPreferences(me.data?.organization.id ?? "default");
  const allColumns = useMemo(
    () => [...builtInColumns(t), ...customFieldColumns(customFields.data ?? [])],
    [t, customFields.data],
  );
  const columns = allColumns.filter(
    (column) => column.id === "name" || preferences.chosen.includes(column.id),
  );

  const memberNames = useMemo(
    () => new Map((members.data ?? []).map((member) => [member.userId, member.name])),
    [members.data],
  );
  const cellContext: CellContext = {
    language: i18n.language,
    t,
    ownerName: (userId) => memberNames.get(userId),
  };
  const fields = filterFields(t, {
    customFields: customFields.data ?? [],
    members: (members.data ?? []).map((member) => ({ value: member.userId, label: member.name })),
    tags: tags.data?.map((tag) => ({ value: tag.id, label: tag.name })),
  });

  const problem = list.isError ? problemOf(list.error) : undefined;
  const filterErrors = conditionErrorsOf(problem);
  const filterFailed = filterErrors.byPath.size > 0 || filterErrors.general !== undefined;
  const showFilter = filterOpen || filterFailed;
  const activeConditions = countConditions(search.filter);
  const sort = {
    field: search.sort ?? "createdAt",
    order: search.order ?? (search.sort && search.sort !== "createdAt" ? "asc" : "desc"),
  } as const;

  function setSearch(change: (previous: ContactsSearch) => ContactsSearch) {
    void navigate({ search: change, replace: true });
  }

  function handleSort(field: string) {
    const order =
      field === sort.field ? (sort.order === "asc" ? "desc" : "asc") : field === "createdAt" ? "desc" : "asc";
    const isDefault = field === "createdAt" && order === "desc";
    setSearch((previous) => ({
      ...previous,
      sort: isDefault ? undefined : field,
      order: isDefault ? undefined : order,
    }));
  }

  const openContact = (contact: Contact) =>
    void navigate({ to: "/contacts/$contactId", params: { contactId: contact.id } });

  const narrowed = Boolean(search.q) || activeConditions > 0;
  // Saving a filter on top of a segment keeps the segment's own conditions in the new one.
  const currentSegment = segments.data?.find((segment) => segment.id === search.segment);
  const filterToSave: ContactFilter | undefined =
    search.filter && currentSegment
      ? { match: "all", conditions: [currentSegment.filter, search.filter] }
      : search.filter;
  const empty = (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-neutral-300 bg-white px-6 py-16 text-center">
      <p className="font-medium text-neutral-900">
        {narrowed ? t("contacts.list.noMatch") : t("contacts.list.empty")}
      </p>
      <p className="mt-1 max-w-md text-sm text-neutral-600">
        {narrowed ? t("contacts.list.noMatchHint") : t("contacts.list.emptyHint")}
      </p>
      {narrowed ? (
        <Link
          to="/contacts"
          search={{ sort: search.sort, order: search.order }}
          className="focus-ring mt-4 rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("contacts.list.clearAll")}
        </Link>
      ) : (
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <button
            type="button"
            onClick={() => setCreating(true)}
            className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
          >
            {t("contacts.create.open")}
          </button>
          <Link
            to="/contacts/import"
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.import.fromFile")}
          </Link>
        </div>
      )}
    </div>
  );

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={titleId} className="text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          <p className="mt-1 text-sm text-neutral-600" aria-live="polite" data-testid="contacts-count">
            {count.data === undefined
              ? count.isError
                ? "\u00a0"
                : t("contacts.list.counting")
              : t("contacts.list.count", {
                  count: count.data,
                  formatted: new Intl.NumberFormat(i18n.language).format(count.data),
                })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to="/contacts/import"
            className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.import.open")}
          </Link>
          <button
            type="button"
            onClick={() => setCreating(true)}
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
          >
            {t("contacts.create.open")}
          </button>
        </div>
      </header>

      <div role="status" className="empty:hidden">
        {created ? (
          <p className="flex flex-wrap items-center gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            {t("contacts.create.done", { name: created.name })}
            <Link
              to="/contacts/$contactId"
              params={{ contactId: created.id }}
              className="focus-ring rounded font-medium underline"
            >
              {t("contacts.create.openCreated")}
            </Link>
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <SegmentSelect
          value={search.segment}
          onChange={(segment) => setSearch((previous) => ({ ...previous, segment }))}
        />
        <SearchBox value={search.q} onSearch={(q) => setSearch((previous) => ({ ...previous, q }))} />
        <button
          type="button"
          aria-expanded={showFilter}
          aria-controls={filterPanelId}
          onClick={() => setFilterOpen(!showFilter)}
          className={toolbarButton}
        >
          {t("contacts.filter.open")}
          {activeConditions > 0 ? (
            <span className="rounded-full bg-accent-600 px-1.5 text-xs text-white">{activeConditions}</span>
          ) : null}
        </button>
        <button
          type="button"
          aria-expanded={columnsOpen}
          aria-controls={columnsPanelId}
          onClick={() => setColumnsOpen(!columnsOpen)}
          className={toolbarButton}
        >
          {t("contacts.columnsChooser.open")}
        </button>
        <span className="flex-1" />
        <ExportMenu
          params={search}
          columnIds={columns.map((column) => column.id)}
          className={toolbarButton}
        />
      </div>

      <BulkBar
        selected={selected}
        allMatching={allMatching}
        total={count.data}
        params={search}
        canDelete={canDelete}
        onSelectAllMatching={() => {
          setSelected(new Set(list.data?.pages.flatMap((page) => page.data.map((contact) => contact.id))));
          setAllMatching(true);
        }}
        onClear={() => changeSelection(new Set())}
      />

      {/* Hidden rather than unmounted, so closing the panel keeps a draft that was not applied yet. */}
      <div hidden={!showFilter}>
        <FilterBuilder
          key={JSON.stringify(search.filter ?? null)}
          id={filterPanelId}
          applied={search.filter}
          fields={fields}
          problem={problem}
          onApply={(filter) => setSearch((previous) => ({ ...previous, filter }))}
        />
        {filterToSave && !filterFailed ? (
          <SaveSegmentForm
            filter={filterToSave}
            onSaved={(segment) =>
              setSearch((previous) => ({ ...previous, segment: segment.id, filter: undefined }))
            }
          />
        ) : null}
      </div>
      {columnsOpen ? (
        <ColumnChooser
          id={columnsPanelId}
          columns={allColumns}
          chosen={preferences.chosen}
          onToggle={preferences.toggle}
          onReset={preferences.reset}
        />
      ) : null}

      <ContactsTable
        key={paramsKey}
        labelledBy={titleId}
        list={list}
        total={count.data}
        columns={columns}
        cellContext={cellContext}
        sort={sort}
        onSort={handleSort}
        selected={selected}
        onSelectedChange={changeSelection}
        onOpen={openContact}
        empty={empty}
      />
      <p className="text-xs text-neutral-500">{t("contacts.list.keyboardHint")}</p>

      <NewContactDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(contact) => {
          setCreating(false);
          setCreated(contact);
        }}
      />
    </div>
  );
}
