import { useMutation } from "@apollo/client/react";
import { useMemo, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { EditNoteDrawingDocument } from "../graphql/operations";
import type { DrawingDraft } from "../hooks/useDrawingDraft";
import { usePictureRect } from "../hooks/usePictureRect";
import { toInput } from "../lib/shapes";
import { download, frameStill } from "../lib/still";
import { drawingsAt } from "../lib/visible";
import { DrawingEditor } from "./DrawingEditor";
import { DrawingOverlay } from "./DrawingOverlay";
import { DrawingToolbar } from "./DrawingToolbar";

interface Props {
  video: HTMLVideoElement | null;
  frame: number;
  notes: readonly NoteItemFragment[];
  selectedNoteId: string | null;
  draft: DrawingDraft;
  /** The viewer may add notes here (not a viewer, version not locked). */
  canDraw: boolean;
  pause: () => void;
  /** The still's file name, e.g. "Pilot v3 01-00-04-12". */
  stillName: string;
}

/** The picture's drawing layer: notes' drawings on their frames, the editor, and its tools. */
export function PictureDrawings({
  video,
  frame,
  notes,
  selectedNoteId,
  draft,
  canDraw,
  pause,
  stillName,
}: Props) {
  const rect = usePictureRect(video);
  const [shown, setShown] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [edit, editState] = useMutation(EditNoteDrawingDocument);
  const visible = useMemo(() => drawingsAt(notes, frame, selectedNoteId), [notes, frame, selectedNoteId]);
  const selected = notes.find((n) => n.id === selectedNoteId && !n.id.startsWith("temp-"));
  const editable = canDraw && selected?.viewerCan.edit && selected.anchor.__typename === "TimeAnchor";

  const saveEdit = (noteId: string) => {
    const shapes = draft.history.present;
    setError(null);
    edit({
      variables: {
        input: {
          noteId,
          ...(shapes.length ? { drawing: { shapes: toInput(shapes) } } : { clearDrawing: true }),
        },
      },
    })
      .then(() => draft.discard())
      .catch((e: unknown) => setError(describeError(e).message));
  };
  const still = () => {
    if (!video) return;
    const shapes = draft.target ? draft.history.present : shown ? visible.shapes : [];
    frameStill(video, shapes)
      .then((png) => download(png, `${stillName.replace(/[^\w.-]+/g, "-")}.png`))
      .catch((e: unknown) => setError(describeError(e).message));
  };

  const target = draft.target;
  return (
    <>
      {rect && target ? <DrawingEditor rect={rect} draft={draft} /> : null}
      {rect && !target && shown && visible.shapes.length ? (
        <DrawingOverlay rect={rect} shapes={visible.shapes} noteIds={visible.noteIds} />
      ) : null}
      <div className="picture-tools">
        {target ? (
          <DrawingToolbar
            draft={draft}
            doneLabel={target.kind === "edit" ? "Save drawing" : "Done"}
            onDone={() => (target.kind === "edit" ? saveEdit(target.noteId) : draft.close())}
            busy={editState.loading}
          />
        ) : (
          <>
            {canDraw ? (
              <button
                type="button"
                className="btn sm"
                onClick={() => {
                  pause();
                  draft.openNew();
                }}
                title="Draw on this frame for the note you are writing"
              >
                {draft.forNewNote.length ? `Drawing (${draft.forNewNote.length})` : "Draw"}
              </button>
            ) : null}
            {editable && selected ? (
              <button
                type="button"
                className="btn sm"
                onClick={() => {
                  pause();
                  draft.openEdit(selected.id, selected.drawing?.shapes ?? []);
                }}
              >
                {selected.drawing ? "Edit drawing" : "Draw on note"}
              </button>
            ) : null}
            <button
              type="button"
              className="btn sm"
              aria-pressed={shown}
              onClick={() => setShown((s) => !s)}
              title="Show or hide all drawings"
              data-testid="toggle-drawings"
            >
              Drawings {shown ? "on" : "off"}
            </button>
            <button
              type="button"
              className="btn sm"
              onClick={still}
              disabled={!video}
              title="This frame with its drawing, as PNG"
            >
              PNG still
            </button>
          </>
        )}
        {error ? (
          <span className="alert small" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </>
  );
}
