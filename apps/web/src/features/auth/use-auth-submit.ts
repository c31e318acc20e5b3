import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Schemas } from "../../lib/api";
import { fieldErrorsOf, type Problem, ProblemError } from "../../lib/problem";
import { meQuery } from "../session/me-query";
import { toSafeRedirect } from "./safe-redirect";

/**
 * Runs a sign-in or sign-up call; on success refreshes who is signed in and goes to the
 * page the person was sent away from. Exposes the problem for inline errors.
 */
export function useAuthSubmit<Input>(
  call: (input: Input) => Promise<Schemas["SignedIn"]>,
  redirect?: string,
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: async () => {
      // "all" also refetches the inactive `me` left by an earlier visit, so the guard sees the new session.
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey, refetchType: "all" });
      await navigate({ href: toSafeRedirect(redirect) });
    },
  });
  const problem: Problem | undefined =
    mutation.error instanceof ProblemError
      ? mutation.error.problem
      : mutation.error
        ? { type: "about:blank", title: mutation.error.message, status: 0, detail: mutation.error.message }
        : undefined;

  return {
    submit: mutation.mutate,
    reset: mutation.reset,
    busy: mutation.isPending || mutation.isSuccess,
    problem,
    fieldErrors: fieldErrorsOf(problem),
  };
}
