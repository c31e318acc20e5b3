import type { Schemas } from "./api";

export type Problem = Schemas["Problem"];

/** Thrown for a problem+json answer so callers can branch on `status` and show `detail`. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = "ProblemError";
    this.problem = problem;
  }
}

/** Reads a non-2xx openapi-fetch answer as a problem, even when the body was not problem+json. */
export function toProblem(error: Partial<Problem> | undefined, response: Response): Problem {
  return {
    type: error?.type ?? "about:blank",
    title: error?.title ?? response.statusText,
    status: error?.status ?? response.status,
    detail: error?.detail ?? error?.title ?? response.statusText,
    errors: error?.errors,
    code: error?.code,
    challenge: error?.challenge,
  };
}

/** Maps `errors[]` from `body.<field>` to `<field>`, keeping the first message for each. */
export function fieldErrorsOf(problem: Problem | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const entry of problem?.errors ?? []) {
    const field = entry.field.replace(/^body\./, "");
    byField[field] ??= entry.message;
  }
  return byField;
}

/** Any thrown error as a problem, so a component can always show `detail`. */
export function problemOf(error: unknown): Problem | undefined {
  if (!error) return undefined;
  if (error instanceof ProblemError) return error.problem;
  const message = error instanceof Error ? error.message : String(error);
  return { type: "about:blank", title: message, status: 0, detail: message };
}

/** For a form: errors beside their fields, and a banner message only when no field explains the problem. */
export function formProblemOf(error: unknown): { fieldErrors: Record<string, string>; formMessage?: string } {
  const problem = problemOf(error);
  const fieldErrors = fieldErrorsOf(problem);
  return {
    fieldErrors,
    formMessage: problem && Object.keys(fieldErrors).length === 0 ? problem.detail : undefined,
  };
}
