import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { ProblemError } from "../../lib/problem";

/** The server's answer to everything but a few routes while the organisation requires two-factor. */
export function isTwoFactorRequired(error: unknown): boolean {
  return (
    error instanceof ProblemError &&
    error.problem.status === 403 &&
    error.problem.code === "two_factor_required"
  );
}

/** True while any cached query or mutation last failed because two-factor is required. */
export function useTwoFactorRestricted(): boolean {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stopQueries = queryClient.getQueryCache().subscribe(onChange);
      const stopMutations = queryClient.getMutationCache().subscribe(onChange);
      return () => {
        stopQueries();
        stopMutations();
      };
    },
    [queryClient],
  );
  const readRestricted = useCallback(
    () =>
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => isTwoFactorRequired(query.state.error)) ||
      queryClient
        .getMutationCache()
        .getAll()
        .some((mutation) => isTwoFactorRequired(mutation.state.error)),
    [queryClient],
  );
  return useSyncExternalStore(subscribe, readRestricted);
}
