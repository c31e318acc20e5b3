import type { Conversation } from "./inbox-api";
import { windowLeft } from "./reply-window";

/** What the reply box offers: the text box, or why only notes (or a template) can be written now. */
type ComposerView = "write" | "resolved" | "window-closed";

/**
 * Notes can always be written. A reply needs an unresolved conversation (WhatsApp would deliver it,
 * but the team closed it) and the 24-hour window open at `now`; outside it only a template goes.
 */
export function composerView(
  mode: "reply" | "note",
  conversation: Pick<Conversation, "status" | "window">,
  now: number,
): ComposerView {
  if (mode === "note") return "write";
  if (conversation.status === "resolved") return "resolved";
  return windowLeft(conversation.window, now).closed ? "window-closed" : "write";
}
