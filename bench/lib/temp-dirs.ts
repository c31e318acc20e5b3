import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export type TempDir = { path: string; remove(): Promise<void> };

export async function createTempDir(label: string): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), `sbos-bench-${label}-`));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
