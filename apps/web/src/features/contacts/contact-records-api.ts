import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";
import { contactsKey } from "./contacts-api";

export type Tag = Schemas["Tag"];
export type Note = Schemas["Note"];
export type Activity = Schemas["Activity"];
export type ContactConsent = Schemas["ContactConsent"];
export type ConsentState = Schemas["ConsentState"];
export type ConsentChannel = ConsentState["channel"];
export type ConsentMethod = NonNullable<ConsentState["method"]>;
export type Company = Schemas["Company"];
export type Segment = Schemas["Segment"];
export type Duplicate = Schemas["ContactDuplicate"];
export type DuplicateReason = Duplicate["reasons"][number];

type Page<T> = { data: T[]; nextCursor: string | null };

const fail = (error: unknown, response: Response) =>
  new ProblemError(toProblem(error as Parameters<typeof toProblem>[0], response));

// Tags are a short vocabulary; the picker filters the first 200 by name on the page.
async function fetchTags(): Promise<Tag[]> {
  const { data, error, response } = await api.GET("/api/v1/tags", { params: { query: { limit: 200 } } });
  if (!data) throw fail(error, response);
  return data.data;
}

export async function createTag(name: string): Promise<Tag> {
  const { data, error, response } = await api.POST("/api/v1/tags", { body: { name } });
  if (!data) throw fail(error, response);
  return data;
}

export async function tagContact(input: { contactId: string; tagId: string }): Promise<void> {
  const { error, response } = await api.PUT("/api/v1/contacts/{id}/tags/{tagId}", {
    params: { path: { id: input.contactId, tagId: input.tagId } },
  });
  if (!response.ok) throw fail(error, response);
}

export async function untagContact(input: { contactId: string; tagId: string }): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/contacts/{id}/tags/{tagId}", {
    params: { path: { id: input.contactId, tagId: input.tagId } },
  });
  if (!response.ok) throw fail(error, response);
}

async function fetchNotes(contactId: string, cursor: string | undefined): Promise<Page<Note>> {
  const { data, error, response } = await api.GET("/api/v1/contacts/{id}/notes", {
    params: { path: { id: contactId }, query: { cursor, limit: 20 } },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function addNote(input: { contactId: string; body: string }): Promise<Note> {
  const { data, error, response } = await api.POST("/api/v1/contacts/{id}/notes", {
    params: { path: { id: input.contactId } },
    body: { body: input.body },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function deleteNote(input: { contactId: string; noteId: string }): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/contacts/{id}/notes/{noteId}", {
    params: { path: { id: input.contactId, noteId: input.noteId } },
  });
  if (!response.ok) throw fail(error, response);
}

async function fetchTimeline(contactId: string, cursor: string | undefined): Promise<Page<Activity>> {
  const { data, error, response } = await api.GET("/api/v1/contacts/{id}/timeline", {
    params: { path: { id: contactId }, query: { cursor, limit: 20 } },
  });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchConsent(contactId: string): Promise<ContactConsent> {
  const { data, error, response } = await api.GET("/api/v1/contacts/{id}/consent", {
    params: { path: { id: contactId } },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function recordConsent(input: {
  contactId: string;
  channel: ConsentChannel;
  status: "opted_in" | "opted_out";
  method: ConsentMethod;
  evidence: string | null;
}): Promise<ContactConsent> {
  const { data, error, response } = await api.PUT("/api/v1/contacts/{id}/consent/{channel}", {
    params: { path: { id: input.contactId, channel: input.channel } },
    body: { status: input.status, method: input.method, evidence: input.evidence },
  });
  if (!data) throw fail(error, response);
  return data;
}

/** The company of that name, ignoring case, or a new one: the contact form takes a name, not an id. */
export async function findOrCreateCompany(name: string): Promise<Company> {
  const found = await api.GET("/api/v1/companies", { params: { query: { q: name, limit: 50 } } });
  if (!found.data) throw fail(found.error, found.response);
  const same = found.data.data.find((company) => company.name.toLowerCase() === name.toLowerCase());
  if (same) return same;
  const { data, error, response } = await api.POST("/api/v1/companies", { body: { name } });
  if (!data) throw fail(error, response);
  return data;
}

async function searchCompanies(q: string): Promise<Company[]> {
  const { data, error, response } = await api.GET("/api/v1/companies", {
    params: { query: { q: q || undefined, limit: 10 } },
  });
  if (!data) throw fail(error, response);
  return data.data;
}

async function fetchSegments(): Promise<Segment[]> {
  const { data, error, response } = await api.GET("/api/v1/segments");
  if (!data) throw fail(error, response);
  return data.data;
}

export async function createSegment(input: { name: string; filter: Segment["filter"] }): Promise<Segment> {
  const { data, error, response } = await api.POST("/api/v1/segments", { body: input });
  if (!data) throw fail(error, response);
  return data;
}

export async function deleteSegment(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/segments/{id}", { params: { path: { id } } });
  if (!response.ok) throw fail(error, response);
}

async function fetchDuplicates(contactId: string): Promise<Duplicate[]> {
  const { data, error, response } = await api.GET("/api/v1/contacts/{id}/duplicates", {
    params: { path: { id: contactId } },
  });
  if (!data) throw fail(error, response);
  return data.data;
}

/** Merges the duplicates into the contact, which keeps its id; the duplicates are deleted. */
export async function mergeContacts(input: { contactId: string; duplicateIds: string[] }) {
  const { data, error, response } = await api.POST("/api/v1/contacts/{id}/merge", {
    params: { path: { id: input.contactId } },
    body: { contactIds: input.duplicateIds },
  });
  if (!data) throw fail(error, response);
  return data;
}

/** Erases the contact and scrubs its personal data everywhere; cannot be undone. */
export async function eraseContact(contactId: string): Promise<void> {
  const { error, response } = await api.POST("/api/v1/contacts/{id}/erase", {
    params: { path: { id: contactId } },
  });
  if (!response.ok) throw fail(error, response);
}

/** The download of everything held about one contact, as JSON. */
export const personalDataUrl = (contactId: string) =>
  `/api/v1/contacts/${encodeURIComponent(contactId)}/export`;

export const duplicatesQuery = (contactId: string) =>
  queryOptions({
    queryKey: [...contactsKey, "one", contactId, "duplicates"],
    queryFn: () => fetchDuplicates(contactId),
  });

export const segmentsQuery = queryOptions({ queryKey: ["segments"], queryFn: fetchSegments });

export const tagsQuery = queryOptions({ queryKey: ["tags"], queryFn: fetchTags });

export const companySuggestionsQuery = (q: string) =>
  queryOptions({ queryKey: ["companies", "suggest", q], queryFn: () => searchCompanies(q) });

export const notesQuery = (contactId: string) =>
  infiniteQueryOptions({
    queryKey: [...contactsKey, "one", contactId, "notes"],
    queryFn: ({ pageParam }) => fetchNotes(contactId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const timelineQuery = (contactId: string) =>
  infiniteQueryOptions({
    queryKey: [...contactsKey, "one", contactId, "timeline"],
    queryFn: ({ pageParam }) => fetchTimeline(contactId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const consentQuery = (contactId: string) =>
  queryOptions({
    queryKey: [...contactsKey, "one", contactId, "consent"],
    queryFn: () => fetchConsent(contactId),
  });
