const startedAt = performance.now();

/** Progress goes to stderr so stdout carries only the final table. */
export function logProgress(message: string) {
  const elapsed = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${elapsed}s] ${message}\n`);
}
