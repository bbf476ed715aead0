import { useEffect, useRef } from "react";

/** True when a key press belongs to a text field, so single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["button", "checkbox", "radio", "range", "submit"].includes(type);
  }
  return false;
}

/**
 * Window-level keydown listener that ignores typing in fields and always calls the latest handler
 * (kept in a ref) so callers need not memoise it.
 */
export function useKeydown(handler: (event: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      ref.current(event);
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}

export interface ShortcutHelp {
  readonly keys: readonly string[];
  readonly action: string;
}

/** What the `?` overlay lists, by screen. Kept beside the key handling so they don't drift. */
export const SHORTCUTS: Readonly<Record<string, readonly ShortcutHelp[]>> = {
  Everywhere: [
    { keys: ["?"], action: "Show or hide this help" },
    { keys: ["N"], action: "Write a note at the playhead / selection" },
    { keys: ["/"], action: "Search notes" },
    { keys: ["Esc"], action: "Close dialog / clear selection" },
  ],
  "Cut and mix": [
    { keys: ["Space"], action: "Play / pause" },
    { keys: ["←", "→"], action: "Step one frame back / forward (Shift: one second)" },
    { keys: ["J", "K", "L"], action: "Shuttle back / pause / forward; press J or L again to go faster" },
    { keys: ["K+J", "K+L"], action: "Hold K and tap J or L to step a frame" },
    { keys: ["I", "O"], action: "Mark in / out" },
    { keys: ["X"], action: "Clear in and out" },
    { keys: ["Home", "End"], action: "Go to start / end" },
    { keys: ["G"], action: "Go to a timecode (01:00:42;10, 42;10), an offset (+2s, -12f) or a frame (f120)" },
    { keys: ["F"], action: "Follow another viewer's playhead" },
  ],
  Script: [
    { keys: ["Click", "Shift+Click"], action: "Select lines in the gutter to note them" },
    { keys: ["Drag"], action: "Select a range of lines in the gutter" },
  ],
};
