import http from "node:http";
import type { Delivery } from "./inbox-deliveries.ts";
import { sleep } from "./stats.ts";

export type PostResult = { status: number; ms: number; error?: string };

export type WebhookPoster = {
  post(delivery: Delivery): Promise<PostResult>;
  close(): void;
};

/**
 * POSTs deliveries to `/webhooks/whatsapp` over kept-alive connections (at most `connections`),
 * as Meta's senders do. Plain `node:http`: the bench process shares the cores with the server, and
 * fetch costs several times more per request.
 */
export function createWebhookPoster(baseUrl: string, connections: number): WebhookPoster {
  const url = new URL("/webhooks/whatsapp", baseUrl);
  if (url.hostname !== "127.0.0.1") throw new Error(`refusing to load ${url}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const post = (delivery: Delivery) =>
    new Promise<PostResult>((resolve) => {
      const started = performance.now();
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": delivery.body.length,
            "x-hub-signature-256": delivery.signature,
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            resolve({
              status,
              ms: performance.now() - started,
              ...(status === 200 ? {} : { error: text.slice(0, 300) }),
            });
          });
        },
      );
      request.on("error", (error) =>
        resolve({ status: 0, ms: performance.now() - started, error: error.message }),
      );
      request.end(delivery.body);
    });
  return { post, close: () => agent.destroy() };
}

export type PostAllResult = {
  firstPostAt: number;
  lastAckAt: number;
  latencies: number[];
  failed: number;
  firstError: string | undefined;
};

/** Sends every delivery in order on `concurrency` connections, each sending its next as soon as the last is acknowledged. */
export async function postAll(
  poster: WebhookPoster,
  deliveries: Delivery[],
  concurrency: number,
  onProgress?: (sent: number) => void,
): Promise<PostAllResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const firstPostAt = performance.now();
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++] as Delivery;
      const result = await poster.post(delivery);
      latencies.push(result.ms);
      if (result.status !== 200) {
        failed++;
        firstError ??= `${result.status} ${result.error ?? ""}`;
      }
      if (latencies.length % 2_000 === 0) onProgress?.(latencies.length);
    }
  });
  await Promise.all(lanes);
  return { firstPostAt, lastAckAt: performance.now(), latencies, failed, firstError };
}

/**
 * Sends deliveries at a steady rate whatever the answers (open loop, as Meta does), calling
 * `onSend` just before each POST; answers the acknowledgements.
 */
export async function postPaced(
  poster: WebhookPoster,
  deliveries: Delivery[],
  perSecond: number,
  onSend: (delivery: Delivery) => void,
): Promise<PostResult[]> {
  const started = performance.now();
  const answers: Promise<PostResult>[] = [];
  for (let index = 0; index < deliveries.length; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const delivery = deliveries[index] as Delivery;
    onSend(delivery);
    answers.push(poster.post(delivery));
  }
  return Promise.all(answers);
}
