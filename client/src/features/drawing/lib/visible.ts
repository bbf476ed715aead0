import type { NoteDrawingFragment, NoteItemFragment } from "../../../gql/graphql";
import type { Shape } from "./shapes";

type DrawnNote = Pick<NoteItemFragment, "id" | "anchor" | "deletedAt"> & NoteDrawingFragment;

/**
 * The drawings to show at `frame`: every note whose frames include it (a range note's drawing stays
 * up across its range), and the selected note wherever the playhead is.
 */
export function drawingsAt(
  notes: readonly DrawnNote[],
  frame: number,
  selectedNoteId: string | null,
): { noteIds: string[]; shapes: Shape[] } {
  const noteIds: string[] = [];
  const shapes: Shape[] = [];
  for (const n of notes) {
    if (!n.drawing || n.deletedAt || n.anchor.__typename !== "TimeAnchor") continue;
    const onFrame = frame >= n.anchor.startFrame && frame <= n.anchor.endFrame;
    if (!onFrame && n.id !== selectedNoteId) continue;
    noteIds.push(n.id);
    shapes.push(...n.drawing.shapes);
  }
  return { noteIds, shapes };
}
