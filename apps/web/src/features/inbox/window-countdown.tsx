import { useTranslation } from "react-i18next";
import type { Conversation } from "./inbox-api";
import { windowLeft } from "./reply-window";

/** "23 h left" while the customer-service window is open, "Window closed" after: free replies or templates. */
export function WindowCountdown({ window, now }: { window: Conversation["window"]; now: number }) {
  const { t } = useTranslation();
  const left = windowLeft(window, now);
  const expiresAt = window.expiresAt ? new Date(window.expiresAt).toLocaleString() : undefined;
  return (
    <span
      data-testid="window-countdown"
      data-closed={left.closed || undefined}
      title={expiresAt ? t("inbox.window.until", { time: expiresAt }) : undefined}
      className={`shrink-0 whitespace-nowrap text-xs ${left.closed ? "text-neutral-500" : left.unit === "minutes" || left.count < 2 ? "font-medium text-amber-700" : "text-green-700"}`}
    >
      {left.closed
        ? t("inbox.window.closed")
        : left.unit === "hours"
          ? t("inbox.window.hoursLeft", { count: left.count })
          : t("inbox.window.minutesLeft", { count: left.count })}
    </span>
  );
}
