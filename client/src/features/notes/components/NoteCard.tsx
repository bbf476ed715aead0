import { memo, useState } from "react";
import { CopyLink } from "../../../app/CopyLink";
import type { NoteItemFragment, NoteStatus } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { fullDate, timeAgo } from "../../../lib/format";
import { personColor } from "../../presence/components/PresenceAvatars";
import { NOTE_STATUSES, STATUS_LABEL } from "../lib/filters";
import { type MentionMember, ROLE_LABEL } from "../lib/mentions";
import { Markdown } from "./Markdown";
import { MentionTextarea } from "./MentionTextarea";
import { NoteActions } from "./NoteActions";
import { noteLink } from "../../versions/hooks/useRoomLink";
import { categoryLabel } from "./NoteComposer";

interface Props {
  note: NoteItemFragment;
  /** The version the note's link opens (its own). */
  versionId: string;
  anchorLabel: string;
  selected: boolean;
  members: readonly MentionMember[];
  /** False when the version is locked: no replies or status changes. */
  writable: boolean;
  onSelect: (note: NoteItemFragment) => void;
  onStatus: (note: NoteItemFragment, status: NoteStatus) => Promise<unknown>;
  onReply: (note: NoteItemFragment, body: string) => Promise<unknown>;
}

const isTemp = (id: string) => id.startsWith("temp-");

export const NoteCard = memo(function NoteCard({
  note,
  versionId,
  anchorLabel,
  selected,
  members,
  writable,
  onSelect,
  onStatus,
  onReply,
}: Props) {
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const pending = isTemp(note.id);

  const sendReply = () => {
    const body = reply.trim();
    if (!body) return;
    setReply("");
    setError(null);
    onReply(note, body).catch((e: unknown) => {
      setReply(body);
      setError(describeError(e).message);
    });
  };

  const canAct = writable && !pending;
  return (
    <article
      className="note-card"
      data-selected={selected}
      data-status={note.status}
      data-pending={pending}
      data-testid="note-card"
      data-note-id={note.id}
      aria-label={`Note by ${note.author.name} at ${anchorLabel}`}
    >
      <header className="row note-head">
        <span className="avatar sm" style={{ background: personColor(note.author.id) }} aria-hidden="true">
          {note.author.initials}
        </span>
        <span className="note-who">
          <strong>{note.author.name}</strong>{" "}
          <span className="muted small">
            {note.authorRole ? `${ROLE_LABEL[note.authorRole]} · ` : ""}
            <time dateTime={note.createdAt} title={fullDate(note.createdAt)}>
              {pending ? "sending…" : timeAgo(note.createdAt)}
            </time>
            {note.editedAt ? " · edited" : ""}
          </span>
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn sm mono anchor-btn"
          onClick={() => onSelect(note)}
          title="Go to this note"
        >
          {anchorLabel}
        </button>
      </header>
      {note.anchor.__typename === "ScriptAnchor" && note.anchor.quote ? (
        <blockquote className="note-quote" title={note.anchor.quote}>
          {note.anchor.quote}
        </blockquote>
      ) : null}
      {editing ? (
        <NoteActions note={note} members={members} editing onEditing={setEditing} />
      ) : (
        <Markdown body={note.body} />
      )}
      <div className="row note-meta">
        {note.viewerCan.setStatus && canAct ? (
          <label className="row small">
            <span className="visually-hidden">Status</span>
            <select
              className="select status-select"
              data-status={note.status}
              value={note.status}
              onChange={(e) => {
                setError(null);
                onStatus(note, e.target.value as NoteStatus).catch((err: unknown) =>
                  setError(describeError(err).message),
                );
              }}
            >
              {NOTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="badge" data-status={note.status}>
            {STATUS_LABEL[note.status]}
          </span>
        )}
        {note.category ? <span className="badge plain">{categoryLabel(note.category)}</span> : null}
        {note.anchor.__typename === "TimeAnchor" && note.anchor.stem ? (
          <span className="badge plain" title="Stem">
            {note.anchor.stem.replace("_", " ").toLowerCase()}
          </span>
        ) : null}
        {note.drawing ? (
          <span
            className="badge plain"
            data-testid="note-drawing"
            title="This note has a drawing on its frame"
          >
            drawing
          </span>
        ) : null}
        {note.assignee ? (
          <span className="badge plain assignee" data-testid="note-assignee" title="Assigned to">
            → {note.assignee.name}
          </span>
        ) : null}
        <span className="spacer" />
        {canAct && !editing && (note.viewerCan.edit || note.viewerCan.delete) ? (
          <NoteActions note={note} members={members} editing={false} onEditing={setEditing} />
        ) : null}
        {note.viewerCan.reply && canAct && !replying ? (
          <button type="button" className="btn ghost sm" onClick={() => setReplying(true)}>
            Reply{note.replies.length ? ` (${note.replies.length})` : ""}
          </button>
        ) : null}
        {pending ? null : <CopyLink href={noteLink(versionId, note)} label="Copy a link to this note" />}
      </div>
      {note.replies.length > 0 ? (
        <ol className="replies" aria-label="Replies">
          {note.replies.map((r) => (
            <li key={r.id} className="reply" data-testid="reply" data-pending={isTemp(r.id)}>
              <div className="row small">
                <span
                  className="avatar sm"
                  style={{ background: personColor(r.author.id) }}
                  aria-hidden="true"
                >
                  {r.author.initials}
                </span>
                <strong>{r.author.name}</strong>
                <span className="muted">{isTemp(r.id) ? "sending…" : timeAgo(r.createdAt)}</span>
              </div>
              <Markdown body={r.body} />
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p className="alert small" role="alert">
          {error}
        </p>
      ) : null}
      {note.viewerCan.reply && canAct && replying ? (
        <div className="stack reply-box">
          <MentionTextarea
            label={`Reply to ${note.author.name}`}
            placeholder="Reply… Ctrl+Enter to send"
            value={reply}
            onChange={setReply}
            members={members}
            rows={2}
            onSubmit={sendReply}
            onCancel={() => setReplying(false)}
          />
          <div className="row">
            <span className="spacer" />
            <button type="button" className="btn ghost sm" onClick={() => setReplying(false)}>
              Cancel
            </button>
            <button type="button" className="btn primary sm" onClick={sendReply} disabled={!reply.trim()}>
              Reply
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
});
