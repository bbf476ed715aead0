import { forwardRef, type KeyboardEvent, useId, useMemo, useState } from "react";
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

  const choose = (index: number, el: HTMLTextAreaElement) => {
    const c = candidates[index];
    if (!c) return;
    const next = applyMention(value, caret, c);
    if (!next) return;
    onChange(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => el.setSelectionRange(next.caret, next.caret));
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
        choose(Math.min(highlight, candidates.length - 1), e.currentTarget);
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
        ref={ref}
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
                const el = e.currentTarget.closest(".mention-box")?.querySelector("textarea");
                if (el) choose(i, el);
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
