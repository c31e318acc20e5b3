import { v7 } from "uuid";

/** Time-ordered UUIDv7: ids sort by creation, which keeps indexes compact and cursors simple. */
export function newId(): string {
  return v7();
}
