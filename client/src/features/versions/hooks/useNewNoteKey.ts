import { useKeydown } from "../../../lib/hotkeys";

/**
 * N (outside text fields) jumps to the note composer of the room; `before` runs first (players pause,
 * so the note is anchored where the viewer stopped).
 */
export function useNewNoteKey(before?: () => void): void {
  useKeydown((e) => {
    if (e.key !== "n" && e.key !== "N") return;
    e.preventDefault();
    before?.();
    document.querySelector<HTMLTextAreaElement>("[data-testid=note-composer] textarea")?.focus();
  });
}
