import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { DeleteNoteDocument, EditNoteDocument } from "../graphql/operations";
import { initialsOf, type MentionMember } from "../lib/mentions";
import { AssigneeSelect } from "./AssigneeSelect";
import { MentionTextarea } from "./MentionTextarea";

/** Edit (author) and delete (author or showrunner), as `viewerCan` allows; deletes are soft. */
export function NoteActions({
  note,
  members,
  editing,
  onEditing,
}: {
  note: NoteItemFragment;
  members: readonly MentionMember[];
  editing: boolean;
  onEditing: (editing: boolean) => void;
}) {
  const [body, setBody] = useState(note.body);
  const [assigneeId, setAssigneeId] = useState(note.assignee?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [edit, editState] = useMutation(EditNoteDocument);
  const [remove, removeState] = useMutation(DeleteNoteDocument);

  const save = () => {
    const text = body.trim();
    const before = note.assignee?.id ?? "";
    const reassigned = assigneeId !== before;
    if (!text || (text === note.body && !reassigned)) return onEditing(false);
    setError(null);
    const member = members.find((m) => m.user.id === assigneeId);
    edit({
      variables: {
        input: {
          noteId: note.id,
          ...(text !== note.body ? { body: text } : {}),
          // Unassigning needs the explicit flag: an absent assigneeId means "leave as is".
          ...(reassigned ? (assigneeId ? { assigneeId } : { clearAssignee: true }) : {}),
        },
      },
      optimisticResponse: {
        __typename: "Mutation",
        editNote: {
          __typename: "Note",
          id: note.id,
          body: text,
          category: note.category,
          editedAt: text !== note.body ? new Date().toISOString() : (note.editedAt ?? null),
          assignee: member
            ? {
                __typename: "User",
                id: member.user.id,
                name: member.user.name,
                initials: initialsOf(member.user.name),
              }
            : null,
          mentions: note.mentions,
        },
      },
    })
      .then(() => onEditing(false))
      .catch((e: unknown) => setError(describeError(e).message));
  };

  const del = () => {
    setError(null);
    remove({ variables: { noteId: note.id } }).catch((e: unknown) => setError(describeError(e).message));
  };

  if (editing) {
    return (
      <div className="stack">
        <MentionTextarea
          label="Edit note"
          value={body}
          onChange={setBody}
          members={members}
          onSubmit={save}
          onCancel={() => onEditing(false)}
        />
        {error ? <p className="alert small">{error}</p> : null}
        <div className="row">
          <AssigneeSelect
            id={`assignee-${note.id}`}
            members={members}
            value={assigneeId}
            onChange={setAssigneeId}
          />
          <span className="spacer" />
          <button type="button" className="btn ghost sm" onClick={() => onEditing(false)}>
            Cancel
          </button>
          <button type="button" className="btn primary sm" onClick={save} disabled={editState.loading}>
            Save
          </button>
        </div>
      </div>
    );
  }

  return (
    <span className="row note-actions">
      {error ? (
        <span className="small" style={{ color: "var(--danger)" }}>
          {error}
        </span>
      ) : null}
      {note.viewerCan.edit ? (
        <button
          type="button"
          className="btn ghost sm"
          onClick={() => {
            setBody(note.body);
            setAssigneeId(note.assignee?.id ?? "");
            onEditing(true);
          }}
        >
          Edit
        </button>
      ) : null}
      {note.viewerCan.delete ? (
        confirming ? (
          <>
            <button type="button" className="btn danger sm" onClick={del} disabled={removeState.loading}>
              Delete note
            </button>
            <button type="button" className="btn ghost sm" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="btn ghost sm" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )
      ) : null}
    </span>
  );
}
