import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { newId } from "./ids.ts";

/** Where uploaded and downloaded files live; keys are relative paths chosen by the caller. */
export type ObjectStore = {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes the file; nothing stored under the key is not an error. */
  remove(key: string): Promise<void>;
};

const safeKey = /^[a-z0-9][a-z0-9/._-]*$/i;

/** Every store takes the same keys, so files can move from one kind of store to another. */
export function assertStorageKey(key: string) {
  if (!safeKey.test(key) || key.includes("..")) throw new Error(`Not a storage key: ${key}`);
}

/** Files under a folder of the data directory (the default store); written whole, then renamed into place. */
export function createLocalObjectStore(root: string): ObjectStore {
  const locate = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  return {
    put: async (key, data) => {
      const target = locate(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${newId()}.partial`;
      await writeFile(partial, data);
      await rename(partial, target);
    },
    get: async (key) => {
      try {
        return await readFile(locate(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    remove: async (key) => {
      await rm(locate(key), { force: true });
    },
  };
}
