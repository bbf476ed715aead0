import { type FocusEvent, useCallback, useRef, useState } from "react";

// Whether a pointer press is in progress, for the whole page: a blur caused by pressing somewhere else
// happens between that press's pointerdown and its click.
let pressed = false;
let listening = false;
function trackPresses(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("pointerdown", () => (pressed = true), true);
  window.addEventListener("pointerup", () => (pressed = false), true);
  window.addEventListener("pointercancel", () => (pressed = false), true);
}

/**
 * Whether a form counts as in use: focus is inside it, or it has just lost focus to a press that is
 * not over yet. The composer collapses when idle; collapsing on the press itself moved the note
 * cards up under the pointer, so the click landed on something else and was lost. It now collapses
 * once that press's click has gone where the user aimed.
 */
export function useEngaged<T extends HTMLElement>() {
  trackPresses();
  const ref = useRef<T>(null);
  const [engaged, setEngaged] = useState(false);
  const settle = useCallback(() => {
    setEngaged(Boolean(ref.current?.contains(document.activeElement)));
  }, []);
  const onFocus = useCallback(() => setEngaged(true), []);
  const onBlur = useCallback(
    (e: FocusEvent<T>) => {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      if (!pressed) return settle();
      const release = () => {
        window.removeEventListener("pointerup", release, true);
        window.removeEventListener("pointercancel", release, true);
        // After the release's click (dispatched in the same task as pointerup).
        setTimeout(settle, 0);
      };
      window.addEventListener("pointerup", release, true);
      window.addEventListener("pointercancel", release, true);
    },
    [settle],
  );
  return { ref, engaged, onFocus, onBlur };
}
