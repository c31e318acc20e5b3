import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const pad = (value: number) => String(value).padStart(2, "0");
/** A moment as `<input type="datetime-local">` reads it: local time, to the minute. */
const toLocalInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

function tomorrowAtNine(): Date {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}

/** "Snooze until…": a few presets and a date and time of the agent's choosing. */
export function SnoozeMenu({
  buttonClass,
  disabled,
  onSnooze,
}: {
  buttonClass: string;
  disabled: boolean;
  onSnooze: (until: Date) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState(() => toLocalInput(tomorrowAtNine()));
  const panelId = useId();
  const inputId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const choose = (date: Date) => {
    setOpen(false);
    buttonRef.current?.focus();
    onSnooze(date);
  };
  const presets = [
    { label: t("inbox.snooze.oneHour"), at: () => new Date(Date.now() + 3_600_000) },
    { label: t("inbox.snooze.tomorrow"), at: tomorrowAtNine },
    { label: t("inbox.snooze.nextWeek"), at: () => new Date(tomorrowAtNine().getTime() + 6 * 86_400_000) },
  ];

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        className={buttonClass}
      >
        {t("inbox.snooze.open")}
      </button>
      {open ? (
        <fieldset
          id={panelId}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.preventDefault();
            setOpen(false);
            buttonRef.current?.focus();
          }}
          className="absolute end-0 top-full z-20 mt-1 flex w-64 flex-col gap-1 rounded-lg border border-neutral-200 bg-white p-2 shadow-lg"
        >
          <legend className="sr-only">{t("inbox.snooze.label")}</legend>
          {presets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              onClick={() => choose(preset.at())}
              className="focus-ring rounded px-2 py-1.5 text-start text-sm hover:bg-neutral-100"
            >
              {preset.label}
            </button>
          ))}
          <form
            className="mt-1 flex flex-col gap-1 border-t border-neutral-100 pt-2"
            onSubmit={(event) => {
              event.preventDefault();
              choose(new Date(until));
            }}
          >
            <label htmlFor={inputId} className="text-xs font-medium text-neutral-700">
              {t("inbox.snooze.until")}
            </label>
            <div className="flex gap-1">
              <input
                id={inputId}
                type="datetime-local"
                required
                value={until}
                min={toLocalInput(new Date())}
                onChange={(event) => setUntil(event.target.value)}
                className="focus-ring min-w-0 flex-1 rounded-md border border-neutral-300 px-2 py-1 text-sm"
              />
              <button
                type="submit"
                className="focus-ring rounded-md bg-accent-600 px-2 text-sm font-medium text-white hover:bg-accent-700"
              >
                {t("inbox.snooze.submit")}
              </button>
            </div>
          </form>
        </fieldset>
      ) : null}
    </div>
  );
}
