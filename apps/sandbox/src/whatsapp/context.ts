import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import { createWhatsAppSandboxState, type WhatsAppSandboxState } from "./state.ts";

/** How long the simulated platform takes; tests set them to 0. */
export type WhatsAppSandboxDelays = {
  /** From the send to the `sent` (or `failed`) status webhook. */
  sentMs: number;
  /** From the send to the `delivered` status webhook. */
  deliveredMs: number;
  /** From `delivered` to `read`, for numbers registered with `autoRead`. */
  autoReadMs: number;
  /** From a template's creation to its APPROVED or REJECTED webhook. */
  templateReviewMs: number;
  /** Waits before each retry of a webhook the product did not accept; their count is the retry count. */
  webhookRetryMs: number[];
};

export type WhatsAppSandboxOptions = {
  delays?: Partial<WhatsAppSandboxDelays>;
  /** Share state with the caller (tests); by default each registration starts empty. */
  state?: WhatsAppSandboxState;
};

const defaultDelays: WhatsAppSandboxDelays = {
  sentMs: 150,
  deliveredMs: 600,
  autoReadMs: 1500,
  templateReviewMs: 1000,
  webhookRetryMs: [1000, 5000, 15000],
};

/** Timers that die with the server, so closing it never leaves a webhook to fire later. */
type TaskRunner = {
  after(ms: number, task: () => unknown): void;
  sleep(ms: number): Promise<void>;
  close(): void;
};

export type WhatsAppContext = {
  state: WhatsAppSandboxState;
  delays: WhatsAppSandboxDelays;
  tasks: TaskRunner;
  log: FastifyBaseLogger;
};

function createTaskRunner(log: FastifyBaseLogger): TaskRunner {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const after = (ms: number, task: () => unknown) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => log.error({ err: error }, "whatsapp sandbox task failed"));
    }, ms);
    timers.add(timer);
  };
  return {
    after,
    // Never resolves once closed: whatever awaited it is abandoned along with the server.
    sleep: (ms) => new Promise((resolve) => after(ms, resolve)),
    close: () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export function createWhatsAppContext(
  options: WhatsAppSandboxOptions,
  log: FastifyBaseLogger,
): WhatsAppContext {
  return {
    state: options.state ?? createWhatsAppSandboxState(),
    delays: { ...defaultDelays, ...options.delays },
    tasks: createTaskRunner(log),
    log,
  };
}

/** Where the product reaches this stand-in, as the request saw it: links it is given must work from there. */
export function readPublicBaseUrl(request: FastifyRequest, prefix: string) {
  return `${request.protocol}://${request.host}${prefix}`;
}
