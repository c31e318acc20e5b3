import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isTyping } from "../../lib/is-typing";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * The list's search box: it asks the server once typing pauses, Enter searches at once, Escape clears,
 * and `/` anywhere on the page (outside another field) puts the cursor here.
 */
export function SearchBox({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value ?? "");
  const settled = useDebouncedValue(text, 300);
  // What this box last put in the URL, so a change there from elsewhere (Back) can be told apart.
  const pushed = useRef(value);

  function push(next: string) {
    const q = next.trim() || undefined;
    if (q === pushed.current) return;
    pushed.current = q;
    onSearch(q);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled text should search.
  useEffect(() => push(settled), [settled]);

  useEffect(() => {
    if (value === pushed.current) return;
    pushed.current = value;
    setText(value ?? "");
  }, [value]);

  useEffect(() => {
    function focusSearch(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", focusSearch);
    return () => document.removeEventListener("keydown", focusSearch);
  }, []);

  return (
    <div className="relative min-w-0 flex-1 sm:max-w-sm">
      <label htmlFor="contacts-search" className="sr-only">
        {t("contacts.search.label")}
      </label>
      <input
        ref={inputRef}
        id="contacts-search"
        type="search"
        value={text}
        placeholder={t("contacts.search.placeholder")}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") push(text);
          if (event.key === "Escape" && text) {
            event.preventDefault();
            setText("");
            push("");
          }
        }}
        className="focus-ring w-full rounded-md border border-neutral-300 bg-white py-2 ps-3 pe-8 text-sm"
      />
      {text ? null : (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 end-2 my-auto h-5 rounded border border-neutral-300 px-1.5 text-xs leading-5 text-neutral-500"
        >
          /
        </span>
      )}
    </div>
  );
}
