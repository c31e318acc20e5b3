import { useEffect, useRef, useSyncExternalStore } from "react";

/** The server's WebSocket of the organisation's events; the session cookie signs it in (same origin). */
const realtimePath = "/api/v1/realtime";
const firstRetryMs = 1_000;
const maxRetryMs = 30_000;
// Leaving one page for another often subscribes again at once: keep the socket a while instead of reopening it.
const idleCloseMs = 10_000;

type Listener = (data: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
const connectionListeners = new Set<() => void>();
let socket: WebSocket | undefined;
let connected = false;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

const subscriberCount = () =>
  connectionListeners.size + [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

function setConnected(next: boolean) {
  if (connected === next) return;
  connected = next;
  for (const listener of connectionListeners) listener();
}

function dispatch(type: string, data: unknown) {
  for (const listener of listeners.get(type) ?? []) listener(data);
}

function openSocket() {
  if (socket || typeof WebSocket === "undefined") return;
  const url = new URL(realtimePath, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const opened = new WebSocket(url);
  socket = opened;
  opened.onmessage = (event) => {
    let message: { type?: unknown; data?: unknown };
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (typeof message.type !== "string") return;
    if (message.type === "realtime.ready") {
      failures = 0;
      setConnected(true);
    }
    dispatch(message.type, message.data);
  };
  opened.onclose = () => {
    if (socket !== opened) return;
    socket = undefined;
    setConnected(false);
    if (subscriberCount() > 0) scheduleReconnect();
  };
}

/** Exponential backoff with jitter, so a restarted server is not met by every browser at the same instant. */
function scheduleReconnect() {
  if (retryTimer) return;
  const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failures) * (0.5 + Math.random() / 2);
  failures += 1;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    if (subscriberCount() > 0) openSocket();
  }, delay);
}

function retain() {
  clearTimeout(idleTimer);
  idleTimer = undefined;
  openSocket();
}

function release() {
  if (subscriberCount() > 0 || idleTimer) return;
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    if (subscriberCount() > 0) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const closing = socket;
    socket = undefined;
    setConnected(false);
    closing?.close(1000, "no subscribers");
  }, idleCloseMs);
}

function subscribe(type: string, listener: Listener): () => void {
  let set = listeners.get(type);
  if (!set) {
    set = new Set();
    listeners.set(type, set);
  }
  set.add(listener);
  retain();
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(type);
    release();
  };
}

function subscribeConnection(listener: () => void): () => void {
  connectionListeners.add(listener);
  retain();
  return () => {
    connectionListeners.delete(listener);
    release();
  };
}

/**
 * Calls `handler` with the `data` of every realtime event of this type while the component is mounted.
 * One socket serves the whole tab; it reconnects with backoff, and `realtime.ready` is delivered again
 * after each reconnection so a page can catch up on what it may have missed.
 */
export function useRealtimeEvent<T = unknown>(type: string, handler: (data: T) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe(type, (data) => latest.current(data as T)), [type]);
}

/** Whether the realtime socket is open now; pages poll more often while it is not. */
export function useRealtimeConnected(): boolean {
  return useSyncExternalStore(
    subscribeConnection,
    () => connected,
    () => false,
  );
}
