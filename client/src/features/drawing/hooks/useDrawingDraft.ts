import { useCallback, useMemo, useReducer, useState } from "react";
import type { DrawingTool } from "../../../gql/graphql";
import { historyReducer, initialHistory } from "../lib/history";
import { COLOURS, type Shape, WIDTHS } from "../lib/shapes";

/** What the editor is drawing for: the note being composed, or an existing note being edited. */
export type DrawingTarget = { kind: "new" } | { kind: "edit"; noteId: string };

/** The drawing editor's state: open or not, for what, the pen (tool, colour, width) and the shapes with history. */
export function useDrawingDraft() {
  const [target, setTarget] = useState<DrawingTarget | null>(null);
  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory());
  const [tool, setTool] = useState<DrawingTool>("ARROW");
  const [color, setColor] = useState(COLOURS[0]?.color ?? "#e74c3c");
  const [size, setSize] = useState(WIDTHS[1] ?? 4);
  /** The new note's shapes, kept while the editor is closed so the composer can still send them. */
  const [pending, setPending] = useState<readonly Shape[]>([]);

  const openNew = useCallback(() => {
    dispatch({ type: "reset", shapes: pending });
    setTarget({ kind: "new" });
  }, [pending]);
  const openEdit = useCallback((noteId: string, shapes: readonly Shape[]) => {
    dispatch({ type: "reset", shapes });
    setTarget({ kind: "edit", noteId });
  }, []);
  /** Closes the editor; for a new note its shapes stay pending until sent or discarded. */
  const close = useCallback(() => {
    if (target?.kind === "new") setPending(history.present);
    setTarget(null);
  }, [target, history.present]);
  /** Drops the new note's drawing, or leaves an edit without saving (the note keeps its drawing). */
  const discard = useCallback(() => {
    if (target?.kind !== "edit") setPending([]);
    dispatch({ type: "reset", shapes: [] });
    setTarget(null);
  }, [target]);

  /** The new note was sent with its drawing: start the next one blank (an open edit stays open). */
  const clearNew = useCallback(() => {
    setPending([]);
    if (target?.kind === "new") {
      dispatch({ type: "reset", shapes: [] });
      setTarget(null);
    }
  }, [target]);

  /** The new note's shapes as they are now, open editor or not. */
  const forNewNote = target?.kind === "new" ? history.present : pending;
  return useMemo(
    () => ({
      target,
      history,
      dispatch,
      tool,
      setTool,
      color,
      setColor,
      size,
      setSize,
      openNew,
      openEdit,
      close,
      discard,
      clearNew,
      forNewNote,
    }),
    [target, history, tool, color, size, openNew, openEdit, close, discard, clearNew, forNewNote],
  );
}

export type DrawingDraft = ReturnType<typeof useDrawingDraft>;
