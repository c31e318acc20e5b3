import WebSocket from "ws";
import type { Recorder, Target } from "./figures.ts";
import { type Customer, type Delivery, type InboxNumber, textDelivery, wamidOf } from "./inbox-deliveries.ts";
import { customerPhrases } from "./inbox-phrases.ts";
import { createWebhookPoster, postPaced } from "./inbox-webhook-poster.ts";
import { logProgress } from "./progress.ts";
import { createRandom } from "./random.ts";
import { percentile, sleep } from "./stats.ts";

const connections = 50;
/** How long after the last POST an event may still arrive before it counts as never arrived. */
const graceMs = 10_000;
const connectTimeoutMs = 10_000;
const p99Target: Target = { comparison: "below", value: 100 };
const none: Target = { comparison: "below", value: 1 };

export type RealtimeOptions = {
  baseUrl: string;
  apiKey: string;
  number: InboxNumber;
  customers: Customer[];
  perSecond: number;
  seconds: number;
};

/**
 * One agent's WebSocket open on `sbos serve`; new customer messages POSTed at a steady rate; for
 * each, the time from just before its POST to the `inbox.message.created` event carrying its wamid
 * (webhook → inbound queue → worker applies → NOTIFY → serve → socket).
 */
export async function measureWebhookToSocket(recorder: Recorder, options: RealtimeOptions) {
  const random = createRandom(47);
  const count = options.perSecond * options.seconds;
  const deliveries: Delivery[] = [];
  for (let index = 0; index < count; index++) {
    const customer = random.pick(options.customers);
    const text = random.pickSkewed(customerPhrases);
    deliveries.push(textDelivery(options.number, customer, wamidOf(random, 1e6 + index), text, new Date()));
  }
  const sentAt = new Map<string, number>();
  const latencies = new Map<string, number>();
  const socket = await openSocket(options.baseUrl, options.apiKey);
  socket.on("message", (raw) => {
    const receivedAt = performance.now();
    const event = JSON.parse(raw.toString()) as { type: string; data: { providerMessageId?: string } };
    const wamid = event.data.providerMessageId;
    if (event.type !== "inbox.message.created" || !wamid) return;
    const sent = sentAt.get(wamid);
    if (sent !== undefined && !latencies.has(wamid)) latencies.set(wamid, receivedAt - sent);
  });
  const poster = createWebhookPoster(options.baseUrl, connections);
  try {
    logProgress(`inbox · realtime: ${count} messages at ${options.perSecond}/s, one agent socket open`);
    const started = performance.now();
    const acks = await postPaced(poster, deliveries, options.perSecond, (delivery) => {
      sentAt.set(delivery.wamid, performance.now());
    });
    const sendSeconds = (performance.now() - started) / 1000;
    const deadline = performance.now() + graceMs;
    while (latencies.size < count && performance.now() < deadline) await sleep(20);

    const refused = acks.filter((ack) => ack.status !== 200);
    if (refused.length > 0) {
      recorder.note(
        `inbox · realtime: ${refused.length} deliveries refused, the first: ${refused[0]?.status} ${refused[0]?.error}`,
      );
    }
    const values = [...latencies.values()];
    const name = `webhook → WebSocket at ${options.perSecond}/s`;
    recorder.add("inbox", `${name} · messages sent`, count, "count");
    recorder.add("inbox", `${name} · achieved send rate`, count / sendSeconds, "/s");
    recorder.add("inbox", `${name} · p50`, percentile(values, 50), "ms");
    recorder.add("inbox", `${name} · p95`, percentile(values, 95), "ms");
    recorder.add("inbox", `${name} · p99`, percentile(values, 99), "ms", p99Target);
    recorder.add("inbox", `${name} · max`, values.length > 0 ? Math.max(...values) : Number.NaN, "ms");
    recorder.add("inbox", `${name} · events never arrived`, count - latencies.size, "count", none);
    recorder.add("inbox", `${name} · deliveries refused (non-200)`, refused.length, "count", none);
    logProgress(
      `  inbox · realtime: p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, ` +
        `${count - latencies.size} never arrived, ${refused.length} refused`,
    );
  } finally {
    poster.close();
    socket.close();
  }
}

/** An agent's socket, once the server said it joined the organisation's room. */
function openSocket(baseUrl: string, apiKey: string): Promise<WebSocket> {
  const url = `${baseUrl.replace(/^http/, "ws")}/api/v1/realtime`;
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${apiKey}` } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`${url} did not say ready within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("message", function onReady(raw) {
      if ((JSON.parse(raw.toString()) as { type: string }).type !== "realtime.ready") return;
      socket.off("message", onReady);
      clearTimeout(timer);
      resolve(socket);
    });
  });
}
