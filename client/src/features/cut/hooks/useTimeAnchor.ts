import { useMemo } from "react";
import type { AddNoteInput, NoteItemFragment, Stem } from "../../../gql/graphql";
import type { ReadyRoom } from "../../versions/components/ReviewRoomPage";
import type { InOut } from "./useTransport";

type TimeAnchor = Extract<NoteItemFragment["anchor"], { __typename: "TimeAnchor" }>;

/**
 * Where a new note on a cut or mix goes: the in/out marks when set (an open side reaches to the
 * playhead), else the playhead; with its label and the optimistic anchor the note list shows at once.
 */
export function useTimeAnchor(marks: InOut, frame: number, label: (frame: number) => string) {
  return useMemo(() => {
    let startFrame = frame;
    let endFrame = frame;
    if (marks.in !== null || marks.out !== null) {
      const a = marks.in ?? 0;
      const b = marks.out ?? Math.max(a, frame);
      startFrame = Math.min(a, b);
      endFrame = Math.max(a, b);
    }
    const text = startFrame === endFrame ? label(startFrame) : `${label(startFrame)} – ${label(endFrame)}`;
    const optimistic = (stem: Stem | null): TimeAnchor => ({
      __typename: "TimeAnchor",
      startFrame,
      endFrame,
      startTimecode: label(startFrame),
      endTimecode: label(endFrame),
      stem,
    });
    return { startFrame, endFrame, label: text, optimistic };
  }, [marks, frame, label]);
}

export type TimeAnchorState = ReturnType<typeof useTimeAnchor>;

/**
 * The composer's submit for a cut or mix room: a note at the anchor (on `stem` for a mix), shown at
 * once with the optimistic anchor; `after` runs as it is sent (the marks are cleared for the next note);
 * `extra` adds fields of the note (a cut note's drawing).
 */
export function timeNoteSubmitter(
  room: Pick<ReadyRoom, "addNote">,
  anchor: TimeAnchorState,
  stem: Stem | null,
  after: () => void,
  extra: () => Pick<AddNoteInput, "drawing"> = () => ({}),
) {
  return (body: string, category: NoteItemFragment["category"], assigneeId: string | null) => {
    const { startFrame, endFrame } = anchor;
    const time = stem ? { startFrame, endFrame, stem } : { startFrame, endFrame };
    const done = room.addNote({ body, category, assigneeId, time, ...extra() }, anchor.optimistic(stem));
    after();
    return done;
  };
}
