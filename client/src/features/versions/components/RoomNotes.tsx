import type { ReactNode } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { NoteComposer } from "../../notes/components/NoteComposer";
import { NotesPanel } from "../../notes/components/NotesPanel";
import type { ReadyRoom } from "./ReviewRoomPage";

interface Props {
  room: ReadyRoom;
  selectedNoteId: string | null;
  /** How a note's anchor reads on its card ("01:00:04;12", "Lines 3–5"). */
  anchorLabel: (note: NoteItemFragment) => string;
  onSelect: (note: NoteItemFragment) => void;
  onVisibleChange: (notes: readonly NoteItemFragment[]) => void;
  /** Where a new note will go; null while nothing is selected. */
  composerAnchor: string | null;
  onSubmit: (
    body: string,
    category: NoteItemFragment["category"],
    assigneeId: string | null,
  ) => Promise<unknown>;
  onCancel?: () => void;
  emptyHint?: string;
  /** Shown in the composer beside the anchor (a cut note's drawing). */
  composerAttachment?: ReactNode;
}

/** The notes side of a review room: the panel wired to the room's notes, people and actions, with its composer. */
export function RoomNotes({
  room,
  composerAnchor,
  onSubmit,
  onCancel,
  emptyHint,
  composerAttachment,
  ...panel
}: Props) {
  return (
    <NotesPanel
      {...panel}
      versionId={room.version.id}
      notes={room.notes.notes}
      loading={room.notes.loading}
      viewer={room.viewer}
      members={room.members}
      writable={room.writable}
      onStatus={room.onStatus}
      onReply={room.onReply}
      composer={
        <NoteComposer
          anchorLabel={composerAnchor}
          members={room.members}
          disabledReason={room.composerBlocked}
          onSubmit={onSubmit}
          onCancel={onCancel}
          emptyHint={emptyHint}
          attachment={composerAttachment}
        />
      }
    />
  );
}
