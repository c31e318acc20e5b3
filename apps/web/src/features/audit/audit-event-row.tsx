import { useTranslation } from "react-i18next";
import { formatDateTime } from "../members/format-date";
import type { AuditEvent } from "./audit-api";

/** `actorName` is the member's name when the actor is a person still in the organisation. */
export function AuditEventRow({ event, actorName }: { event: AuditEvent; actorName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const actor = actorName ?? event.actorId ?? "";

  return (
    <tr className="border-t border-neutral-200 align-top">
      <td className="py-2 pe-4 whitespace-nowrap text-neutral-700">
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, i18n.language)}</time>
      </td>
      <td className="py-2 pe-4 font-mono text-neutral-900" data-testid="audit-action">
        {event.action}
      </td>
      <td className="py-2 pe-4 text-neutral-700">
        {event.targetType}
        {event.targetId ? (
          <span className="block font-mono text-xs text-neutral-500">{event.targetId}</span>
        ) : null}
      </td>
      <td className="py-2 pe-4 text-neutral-700">
        {t(`audit.actorTypes.${event.actorType}`)}
        {actor ? <span className="block text-xs text-neutral-500">{actor}</span> : null}
      </td>
    </tr>
  );
}
