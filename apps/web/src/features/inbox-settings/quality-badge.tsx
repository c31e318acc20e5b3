import { useTranslation } from "react-i18next";

const tones = {
  GREEN: "bg-green-100 text-green-800",
  YELLOW: "bg-amber-100 text-amber-900",
  RED: "bg-red-100 text-red-800",
  UNKNOWN: "bg-neutral-100 text-neutral-700",
} as const;

type Rating = keyof typeof tones;
const isRating = (value: string): value is Rating => Object.hasOwn(tones, value);

/** Meta's quality rating of a number: green, yellow or red as Meta shows it, with the word for colour-blind readers. */
export function QualityBadge({ rating }: { rating: string | null }) {
  const { t } = useTranslation();
  const known: Rating = rating && isRating(rating) ? rating : "UNKNOWN";
  return (
    <span
      data-testid="quality-rating"
      data-rating={known}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${tones[known]}`}
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-current" />
      {t("whatsappNumbers.quality.label", { rating: t(`whatsappNumbers.quality.${known}`) })}
    </span>
  );
}
