import {
  forwardRef,
  type KeyboardEvent,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { activeMention, applyMention, mentionCandidates, type MentionMember } from "../lib/mentions";

interface Props {
  value: string;
  onChange: (value: string) => void;
  members: readonly MentionMember[];
  label: string;
  placeholder?: string;
  disabled?: boolean;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  onCancel?: () => void;
  rows?: number;
}

/** A textarea with `@` autocomplete of production members and roles (combobox pattern, keyboard-first). */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, Props>(function MentionTextarea(
  { value, onChange, members, label, placeholder, disabled, onSubmit, onCancel, rows = 3 },
  ref,
) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const active = activeMention(value, caret);
  const candidates = useMemo(
    () => (active ? mentionCandidates(active.query, members) : []),
    [active?.query, members, active],
  );
  const open = !!active && candidates.length > 0 && dismissed !== active.start;

  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current as HTMLTextAreaElement);
  // A controlled textarea given a new value puts the caret at the end. Put it after the mention in the
  // same commit, before the browser handles another key: a frame later (requestAnimationFrame) let a
  // quickly typed letter land at the end of the text.
  const pendingCaret = useRef<{ text: string; caret: number } | null>(null);
  useLayoutEffect(() => {
    const p = pendingCaret.current;
    const el = inner.current;
    if (!p || !el || el.value !== p.text) return;
    pendingCaret.current = null;
    el.setSelectionRange(p.caret, p.caret);
  });

  const choose = (index: number) => {
    const c = candidates[index];
    if (!c) return;
    const next = applyMention(value, caret, c);
    if (!next) return;
    pendingCaret.current = { text: next.text, caret: next.caret };
    onChange(next.text);
    setCaret(next.caret);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const d = e.key === "ArrowDown" ? 1 : -1;
        setHighlight((h) => (h + d + candidates.length) % candidates.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        choose(Math.min(highlight, candidates.length - 1));
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        if (active) setDismissed(active.start);
        return;
      }
    }
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      onSubmit?.();
    } else if (e.key === "Escape") {
      onCancel?.();
    }
  };

  return (
    <div className="mention-box">
      <textarea
        ref={inner}
        className="textarea"
        aria-label={label}
        placeholder={placeholder}
        disabled={disabled}
        rows={rows}
        value={value}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${highlight}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setHighlight(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div className="mention-list" id={listId} role="listbox" aria-label="Mention someone">
          {candidates.map((c, i) => (
            <div
              key={c.key}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <strong>{c.label}</strong>{" "}
              <span className="muted small">
                @{c.handle} · {c.detail}
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
});
