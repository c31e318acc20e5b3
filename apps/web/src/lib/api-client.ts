/** One entry of a problem's `errors` list: which field failed validation, and why. */
export type ProblemFieldError = {
  field?: string;
  pointer?: string;
  message: string;
};

/** RFC 9457 problem details as answered by the server for every failed request. */
export type ProblemDetails = {
  type?: string;
  status?: number;
  title?: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;

  constructor(status: number, problem: ProblemDetails) {
    const title = problem.title ?? `Request failed with status ${status}`;
    super(problem.detail ?? title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = problem.detail;
    this.errors = problem.errors;
  }
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return { title: response.statusText || undefined };
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    // A proxy or crash page can claim JSON and send something else; keep the status at least.
    return { title: response.statusText || undefined };
  }
}

/**
 * Fetches a path on the app's own origin and returns the parsed JSON body.
 * Throws `ApiError` for any non-2xx answer, carrying the problem+json fields.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json, application/problem+json");
  if (init.body !== undefined && !(init.body instanceof FormData) && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  const response = await fetch(path, { credentials: "same-origin", ...init, headers });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
