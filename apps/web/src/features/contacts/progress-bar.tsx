/** A labelled progress bar: the percentage for assistive technology, a sentence for the eye and the ear. */
export function ProgressBar({
  label,
  done,
  total,
  valueText,
}: {
  label: string;
  done: number;
  total: number;
  valueText: string;
}) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-neutral-800">{label}</span>
        <span className="tabular-nums text-neutral-600">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        className="h-2.5 overflow-hidden rounded-full bg-neutral-200"
      >
        <div
          className="h-full rounded-full bg-accent-600 transition-[inline-size] duration-300"
          style={{ inlineSize: `${percent}%` }}
        />
      </div>
      <p className="text-xs text-neutral-600">{valueText}</p>
    </div>
  );
}
