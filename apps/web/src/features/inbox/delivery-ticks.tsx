import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icons";
import type { DeliveryStatus } from "./inbox-api";

type Tick = Extract<DeliveryStatus, "queued" | "sent" | "delivered" | "read" | "failed">;

const marks: Record<Tick, { glyph: string; className: string }> = {
  queued: { glyph: "", className: "text-neutral-500" },
  sent: { glyph: "✓", className: "text-neutral-500" },
  delivered: { glyph: "✓✓", className: "text-neutral-500" },
  read: { glyph: "✓✓", className: "text-sky-600" },
  failed: { glyph: "!", className: "font-bold text-red-600" },
};

const isTick = (status: DeliveryStatus): status is Tick => status in marks;

/** WhatsApp's ticks for a reply: a clock while queued, ✓ sent, ✓✓ delivered, blue ✓✓ read, ! failed. */
export function DeliveryTicks({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  if (!isTick(status)) return null;
  const mark = marks[status];
  return (
    <span
      role="img"
      aria-label={t(`inbox.delivery.${status}`)}
      title={t(`inbox.delivery.${status}`)}
      data-testid="delivery-status"
      data-status={status}
      className={`inline-flex font-semibold tracking-[-0.2em] ${mark.className}`}
    >
      {status === "queued" ? <Icon name="clock" className="size-3.5" /> : mark.glyph}
    </span>
  );
}
