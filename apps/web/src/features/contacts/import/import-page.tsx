import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useRealtimeConnected } from "../../../lib/use-realtime";
import { lastListSearch } from "../contacts-search";
import { ImportHistory } from "./import-history";
import { ImportRun, useImportProgress } from "./import-run";
import { type ContactImport, importQuery, importsKey, isFinished } from "./imports-api";
import { MappingStep } from "./mapping-step";
import { UploadStep } from "./upload-step";

const route = getRouteApi("/app/contacts/import");
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportSearch = { id?: string };

/** `?id=` opens one import at whatever step it has reached, so a reload or a shared link resumes it. */
export function validateImportSearch(search: Record<string, unknown>): ImportSearch {
  return typeof search.id === "string" && uuidPattern.test(search.id) ? { id: search.id } : {};
}

const steps = ["upload", "mapping", "run"] as const;
type Step = (typeof steps)[number];

/** Importing contacts from CSV: upload, map and check, then the background job with live progress. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("contacts.import.title"));
  const { id } = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const connected = useRealtimeConnected();
  useImportProgress(id ?? "");
  const current = useQuery({
    ...importQuery(id ?? ""),
    enabled: id !== undefined,
    // Events move the bar; polling catches up when the socket is down, and now and then regardless.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status !== "queued" && status !== "running") return false;
      return connected ? 5_000 : 2_000;
    },
  });

  function show(entry: ContactImport) {
    queryClient.setQueryData(importQuery(entry.id).queryKey, entry);
    void queryClient.invalidateQueries({ queryKey: [...importsKey, "list"] });
    void navigate({ search: { id: entry.id } });
  }

  const step: Step =
    id === undefined
      ? "upload"
      : current.data?.status === "uploaded"
        ? "mapping"
        : current.data
          ? "run"
          : "upload";

  return (
    <div className="flex flex-col gap-6">
      <Link
        to="/contacts"
        search={lastListSearch.current}
        className="focus-ring self-start rounded text-sm font-medium text-accent-700 hover:underline"
      >
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>{" "}
        {t("contacts.detail.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("contacts.import.title")}</h1>
        <p className="mt-1 text-sm text-neutral-600">{t("contacts.import.intro")}</p>
      </header>

      <ol aria-label={t("contacts.import.steps.label")} className="flex flex-wrap gap-2 text-sm">
        {steps.map((name, index) => {
          const reached = steps.indexOf(step) >= index;
          return (
            <li
              key={name}
              aria-current={name === step ? "step" : undefined}
              data-reached={reached || undefined}
              className="flex items-center gap-2 rounded-full border border-neutral-200 bg-white py-1 ps-1 pe-3 text-neutral-500 data-reached:text-neutral-900 aria-[current=step]:border-accent-500 aria-[current=step]:bg-accent-50"
            >
              <span
                aria-hidden="true"
                className="grid size-6 place-items-center rounded-full bg-neutral-100 text-xs font-semibold"
              >
                {index + 1}
              </span>
              {t(`contacts.import.steps.${name}`)}
            </li>
          );
        })}
      </ol>

      {id === undefined ? (
        <UploadStep onUploaded={show} />
      ) : current.isPending ? (
        <div aria-busy="true" className="h-48 animate-pulse rounded-xl bg-neutral-200" />
      ) : current.isError ? (
        <div role="alert" className="rounded-xl border border-neutral-200 bg-white px-6 py-10 text-center">
          <p className="font-medium">{t("contacts.import.notFound")}</p>
          <p className="mt-1 text-sm text-neutral-600">{problemOf(current.error)?.detail}</p>
          <Link
            to="/contacts/import"
            className="focus-ring mt-4 inline-block rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.import.summary.another")}
          </Link>
        </div>
      ) : current.data.status === "uploaded" ? (
        <MappingStep key={current.data.id} upload={current.data} onStarted={show} />
      ) : (
        <ImportRun run={current.data} />
      )}

      {id === undefined || isFinished(current.data?.status) ? <ImportHistory currentId={id} /> : null}
    </div>
  );
}
