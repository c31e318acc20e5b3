/** One entry of the composer's suggestions: a canned reply or a member. */
export type Suggestion = { id: string; label: string; detail: string };

/**
 * The suggestions under the caret's `/` or `@`, a listbox the text box drives (arrows, Enter, Tab,
 * Escape) through `aria-activedescendant`; a click picks without taking the focus from the text.
 */
export function SuggestionList({
  id,
  label,
  items,
  activeIndex,
  onPick,
}: {
  id: string;
  label: string;
  items: readonly Suggestion[];
  activeIndex: number;
  onPick: (index: number) => void;
}) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label={label}
      className="absolute start-2 end-2 bottom-full z-20 mb-1 max-h-64 overflow-y-auto rounded-lg border border-neutral-200 bg-white py-1 shadow-lg sm:end-auto sm:w-96"
    >
      {items.map((item, index) => (
        <div
          key={item.id}
          id={`${id}-${index}`}
          role="option"
          // The text box keeps the focus; the option is named to it by aria-activedescendant.
          tabIndex={-1}
          aria-selected={index === activeIndex}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(index);
          }}
          className="cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-accent-50 hover:bg-neutral-100"
        >
          <span className="font-medium text-neutral-900">{item.label}</span>
          <span className="block truncate text-xs text-neutral-600">{item.detail}</span>
        </div>
      ))}
    </div>
  );
}
