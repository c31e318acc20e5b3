import type { Conversation } from "./inbox-api";

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** What is left of WhatsApp's 24-hour window at `now`: whole hours, or minutes in the last hour. */
type WindowLeft = { closed: true } | { closed: false; unit: "hours" | "minutes"; count: number };

/**
 * The window as the agent reads it at `now`, not as the server saw it when the list was loaded:
 * a window that expires while the page is open reads as closed without a reload.
 */
export function windowLeft(window: Conversation["window"], now: number): WindowLeft {
  const expiresAt = window.expiresAt ? Date.parse(window.expiresAt) : Number.NaN;
  const left = expiresAt - now;
  if (!window.open || !(left > 0)) return { closed: true };
  if (left >= hourMs) return { closed: false, unit: "hours", count: Math.floor(left / hourMs) };
  return { closed: false, unit: "minutes", count: Math.max(1, Math.ceil(left / minuteMs)) };
}
