import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import type { paths } from "../../lib/api-schema";
import { ProblemError, toProblem } from "../../lib/problem";

export type Contact = Schemas["Contact"];
export type ContactFilter = Schemas["ContactFilter"];
export type CustomField = Schemas["CustomField"];
export type LifecycleStage = Contact["lifecycleStage"];
export type ContactInput = paths["/api/v1/contacts"]["post"]["requestBody"]["content"]["application/json"];
export type ContactChanges =
  paths["/api/v1/contacts/{id}"]["patch"]["requestBody"]["content"]["application/json"];

export const lifecycleStages: readonly LifecycleStage[] = [
  "subscriber",
  "lead",
  "qualified",
  "customer",
  "churned",
];

/** What the list shows: the search box, the filter and the order; all of it lives in the URL. */
export type ContactListParams = {
  q?: string;
  /** A saved segment's id: only its contacts. */
  segment?: string;
  filter?: ContactFilter;
  sort?: string;
  order?: "asc" | "desc";
};

type ContactPage = { data: Contact[]; nextCursor: string | null };

// Large enough that a fast scroll rarely outruns the next page, small enough to answer in one round trip.
const pageSize = 100;

/** Every query about contacts starts with this key, so a change can refresh them all at once. */
export const contactsKey = ["contacts"] as const;

const filterParam = (filter: ContactFilter | undefined) =>
  filter && filter.conditions.length > 0 ? JSON.stringify(filter) : undefined;

// No abort signal: a search typed past is cheap to finish, and an aborted request reads as a failure.
async function fetchContactPage(params: ContactListParams, cursor: string | undefined): Promise<ContactPage> {
  const { data, error, response } = await api.GET("/api/v1/contacts", {
    params: {
      query: {
        limit: pageSize,
        cursor,
        q: params.q || undefined,
        filter: filterParam(params.filter),
        segmentId: params.segment,
        sort: params.sort,
        order: params.order,
      },
    },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

async function fetchContactCount(params: ContactListParams): Promise<number> {
  const { data, error, response } = await api.GET("/api/v1/contacts/count", {
    params: {
      query: { q: params.q || undefined, filter: filterParam(params.filter), segmentId: params.segment },
    },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.count;
}

async function fetchContact(id: string): Promise<Contact> {
  const { data, error, response } = await api.GET("/api/v1/contacts/{id}", {
    params: { path: { id } },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

async function fetchCustomFields(): Promise<CustomField[]> {
  const { data, error, response } = await api.GET("/api/v1/contact-fields");
  if (!data) throw new ProblemError(toProblem(error, response));
  return data.data;
}

export async function createContact(input: ContactInput): Promise<Contact> {
  const { data, error, response } = await api.POST("/api/v1/contacts", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function updateContact(input: { id: string; changes: ContactChanges }): Promise<Contact> {
  const { data, error, response } = await api.PATCH("/api/v1/contacts/{id}", {
    params: { path: { id: input.id } },
    body: input.changes,
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export const contactListQuery = (params: ContactListParams) =>
  infiniteQueryOptions({
    queryKey: [...contactsKey, "list", params],
    queryFn: ({ pageParam }) => fetchContactPage(params, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A 400 names a bad filter: asking again would only repeat it.
    retry: (failureCount, error) => !isClientError(error) && failureCount < 1,
  });

export const contactCountQuery = (params: Pick<ContactListParams, "q" | "filter" | "segment">) =>
  queryOptions({
    queryKey: [...contactsKey, "count", { q: params.q, filter: params.filter, segment: params.segment }],
    queryFn: () => fetchContactCount(params),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 1,
  });

export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: [...contactsKey, "one", id],
    queryFn: () => fetchContact(id),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 1,
  });

export const customFieldsQuery = queryOptions({ queryKey: ["contact-fields"], queryFn: fetchCustomFields });

export function isClientError(error: unknown): boolean {
  return error instanceof ProblemError && error.problem.status >= 400 && error.problem.status < 500;
}
