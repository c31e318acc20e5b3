import {
  type KeyboardEvent,
  type Ref,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { findTrigger, replaceTrigger } from "./composer-trigger";
import type { Mention } from "./mentions";
import { SuggestionList } from "./suggestion-list";
import { useComposerSuggestions } from "./use-composer-suggestions";

/**
 * The composer's text box: Enter sends, Shift+Enter starts a new line. `/` at the start or after a
 * space suggests canned replies, and in a note `@` suggests members; arrows move through them,
 * Enter or Tab inserts one in place of what was typed, Escape closes the list.
 */
export function ComposerInput({
  ref,
  id,
  mode,
  conversationId,
  value,
  placeholder,
  onChange,
  onSubmit,
  onMention,
}: {
  ref: Ref<HTMLTextAreaElement>;
  id: string;
  mode: "reply" | "note";
  conversationId: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onMention: (mention: Mention) => void;
}) {
  const { t } = useTranslation();
  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current as HTMLTextAreaElement);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  // Escape closes the list for what is typed now; typing on opens it again.
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);

  const trigger = findTrigger(value, caret, mode === "note" ? ["/", "@"] : ["/"]);
  const items = useComposerSuggestions(trigger, conversationId);
  const triggerKey = trigger ? `${trigger.start}:${trigger.query}` : undefined;
  const open = focused && trigger !== null && triggerKey !== dismissed && items.length > 0;
  const activeIndex = Math.min(active, items.length - 1);
  // The controlled text box puts the caret at the end of a new value: move it after the insert as
  // soon as the value is in the DOM, before the next key is handled (a later frame would let typed
  // characters land before the insert).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    inner.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  function pick(index: number) {
    const item = items[index];
    if (!item || !trigger) return;
    const next = replaceTrigger(value, trigger, caret, item.insert);
    if (item.mention) onMention(item.mention);
    onChange(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + items.length) % items.length);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
        event.preventDefault();
        pick(activeIndex);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setDismissed(triggerKey);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      onSubmit();
    }
  }

  return (
    <div className="relative">
      <textarea
        ref={inner}
        id={id}
        rows={3}
        value={value}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={handleKeyDown}
        className="block w-full resize-none rounded-t-lg bg-transparent px-3 py-2 text-sm outline-none"
      />
      {open ? (
        <SuggestionList
          id={listId}
          label={trigger?.sign === "/" ? t("inbox.suggestions.canned") : t("inbox.suggestions.members")}
          items={items}
          activeIndex={activeIndex}
          onPick={pick}
        />
      ) : null}
      <p aria-live="polite" className="sr-only">
        {open ? t("inbox.suggestions.count", { count: items.length }) : ""}
      </p>
    </div>
  );
}
