import { type FormEvent, useRef, useState } from "react";
import { useKeydown } from "../../../lib/hotkeys";

/**
 * "Go to" in the transport: a timecode (`01:00:42;10`, `42;10`), an offset (`+2s`, `-12f`) or a frame
 * (`f120`). `G` focuses it; Enter goes, Esc leaves; a bad entry says why and stays for correcting.
 */
export function JumpBox({ onJump }: { onJump: (text: string) => string | null }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  useKeydown((e) => {
    if (e.key !== "g" && e.key !== "G") return;
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    ref.current?.focus();
    ref.current?.select();
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = onJump(text);
    setError(problem);
    if (problem) return;
    setText("");
    ref.current?.blur();
  };

  return (
    <form className="jump" onSubmit={submit} aria-label="Go to timecode or frame">
      <input
        ref={ref}
        className="input mono jump-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setText("");
            setError(null);
            e.currentTarget.blur();
          }
        }}
        placeholder="Go to… (G)"
        aria-label="Go to timecode, offset or frame (G)"
        aria-invalid={!!error}
        aria-describedby={error ? "jump-error" : undefined}
        title="01:00:42;10 · 42;10 · +2s · -12f · f120"
        data-testid="jump"
        spellCheck={false}
        autoComplete="off"
      />
      {error ? (
        <span id="jump-error" className="jump-error small" role="alert" data-testid="jump-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
