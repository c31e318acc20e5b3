/**
 * Spaces sends per number to its rate (Cloud API throughput: 80 messages/s by default) within
 * this process: each send takes the next free slot and waits for it.
 */
export function createSendRateLimiter() {
  const nextSlot = new Map<string, number>();
  return {
    take: async (key: string, perSecond: number) => {
      const now = Date.now();
      const slot = Math.max(now, nextSlot.get(key) ?? 0);
      nextSlot.set(key, slot + 1000 / perSecond);
      if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    },
  };
}

export type SendRateLimiter = ReturnType<typeof createSendRateLimiter>;
