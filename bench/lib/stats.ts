/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], rank: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` answers true; throws after `timeoutMs` so the bench always stops by itself. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { intervalMs: number; timeoutMs: number; what: string },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline)
      throw new Error(`timed out after ${options.timeoutMs} ms: ${options.what}`);
    await sleep(options.intervalMs);
  }
}
