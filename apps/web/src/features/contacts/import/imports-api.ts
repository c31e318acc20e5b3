import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../../lib/api";
import { ProblemError, toProblem } from "../../../lib/problem";

export type ContactImport = Schemas["ContactImport"];
export type ContactImportSummary = Schemas["ContactImportSummary"];
export type DryRun = Schemas["ContactImportDryRun"];
export type ImportStatus = ContactImport["status"];
export type ImportMode = "create" | "upsert";
export type ImportMapping = Record<string, string>;

/** What `crm.import.progress` carries on the realtime socket. */
export type ImportProgressEvent = {
  importId: string;
  processed: number;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  status: ImportStatus;
};

/** The server's limit, checked here too so a large file is refused before minutes of uploading. */
export const maxUploadBytes = 50 * 1024 * 1024;

export const importsKey = ["imports"] as const;

export const isFinished = (status: ImportStatus | undefined) => status === "completed" || status === "failed";

const fail = (error: unknown, response: Response) =>
  new ProblemError(toProblem(error as Parameters<typeof toProblem>[0], response));

/** Sends the file's bytes as they are: the server detects the encoding and delimiter itself. */
export async function uploadImport(file: File): Promise<ContactImport> {
  const { data, error, response } = await api.POST("/api/v1/imports", {
    params: { query: { fileName: file.name || "contacts.csv" } },
    // The OpenAPI document types a binary body as a string; the browser streams the File unchanged.
    body: file as unknown as string,
    bodySerializer: (body) => body,
    headers: { "Content-Type": "text/csv" },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function dryRunImport(input: {
  id: string;
  mapping: ImportMapping;
  mode: ImportMode;
}): Promise<DryRun> {
  const { data, error, response } = await api.POST("/api/v1/imports/{id}/dry-run", {
    params: { path: { id: input.id } },
    body: { mapping: input.mapping, mode: input.mode },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function startImport(input: {
  id: string;
  mapping: ImportMapping;
  mode: ImportMode;
}): Promise<ContactImport> {
  const { data, error, response } = await api.POST("/api/v1/imports/{id}/start", {
    params: { path: { id: input.id } },
    body: { mapping: input.mapping, mode: input.mode },
  });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchImport(id: string): Promise<ContactImport> {
  const { data, error, response } = await api.GET("/api/v1/imports/{id}", { params: { path: { id } } });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchImports(cursor: string | undefined) {
  const { data, error, response } = await api.GET("/api/v1/imports", {
    params: { query: { cursor, limit: 20 } },
  });
  if (!data) throw fail(error, response);
  return data;
}

/** The link that downloads an import's failed rows with their reasons. */
export const errorReportUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;

export const importQuery = (id: string) =>
  queryOptions({ queryKey: [...importsKey, "one", id], queryFn: () => fetchImport(id) });

export const importHistoryQuery = infiniteQueryOptions({
  queryKey: [...importsKey, "list"],
  queryFn: ({ pageParam }) => fetchImports(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});
