/**
 * Gathers concurrent writes into one: the first caller's items are written at once; items added
 * while a write is running go together in the next one. Under load, many requests share one
 * statement and one commit (one WAL flush) instead of one each; alone, nothing waits.
 */
export function createGroupCommit<Item>(write: (items: Item[]) => Promise<void>) {
  let pending: { item: Item; settle: (error?: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.settle();
      } catch (error) {
        for (const entry of batch) entry.settle(error);
      }
    }
    writing = false;
  }

  return {
    add: (item: Item) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error)) });
        if (!writing) void drain();
      }),
  };
}
