import { type FormEvent, type ReactNode, useRef, useState } from "react";
import type { NoteCategory } from "../../../gql/graphql";
import { useConnection } from "../../../app/ConnectionBanner";
import { describeError } from "../../../lib/errors";
import type { MentionMember } from "../lib/mentions";
import { useEngaged } from "../lib/useEngaged";
import { AssigneeSelect } from "./AssigneeSelect";
import { MentionTextarea } from "./MentionTextarea";

export const CATEGORIES: readonly NoteCategory[] = [
  "PACING",
  "PERFORMANCE",
  "DIALOGUE",
  "MUSIC",
  "EFFECTS",
  "VFX",
  "COLOR",
  "CONTINUITY",
  "LEGAL",
  "STORY",
  "OTHER",
];

export const categoryLabel = (c: NoteCategory) => c.charAt(0) + c.slice(1).toLowerCase().replace(/_/g, " ");

interface Props {
  /** Where the note will be anchored, e.g. "01:00:04:12" or "Lines 12–14"; null when nothing is selected. */
  anchorLabel: string | null;
  members: readonly MentionMember[];
  /** Why notes can't be added (locked, viewer); hides the form. */
  disabledReason?: string | null;
  onSubmit: (body: string, category: NoteCategory | null, assigneeId: string | null) => Promise<unknown>;
  onCancel?: () => void;
  /** Shown instead of an anchor when nothing is selected yet. */
  emptyHint?: string;
  /** Shown beside the anchor, e.g. the drawing the note will carry. */
  attachment?: ReactNode;
}

export function NoteComposer({
  anchorLabel,
  members,
  disabledReason,
  onSubmit,
  onCancel,
  emptyHint,
  attachment,
}: Props) {
  const [body, setBody] = useState("");
  const [category, setCategory] = useState<NoteCategory | "">("");
  const [assigneeId, setAssigneeId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const use = useEngaged<HTMLFormElement>();
  const { status } = useConnection();
  const down = status === "offline" || status === "reconnecting";

  if (disabledReason) {
    return (
      <p className="composer muted small" data-testid="composer-disabled">
        {disabledReason}
      </p>
    );
  }

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || !anchorLabel) return;
    const text = body.trim();
    setError(null);
    // Clear at once: the optimistic note already shows in the list; restore the text if it fails.
    setBody("");
    // The assignee is cleared too, so the next note isn't silently assigned to the same person.
    const assignee = assigneeId;
    setAssigneeId("");
    onSubmit(text, category || null, assignee || null).catch((err: unknown) => {
      setBody(text);
      setAssigneeId(assignee);
      setError(describeError(err).message);
    });
    ref.current?.focus();
  };

  return (
    <form
      ref={use.ref}
      className="composer stack"
      onSubmit={submit}
      onFocus={use.onFocus}
      onBlur={use.onBlur}
      aria-label="New note"
      data-testid="note-composer"
      data-empty={!body.trim()}
      data-engaged={use.engaged}
    >
      <div className="row small">
        <span className="muted">Note at</span>
        <strong className="mono" data-testid="composer-anchor">
          {anchorLabel ?? emptyHint ?? "— choose where first"}
        </strong>
        {attachment}
        {down ? (
          <span
            className="badge plain"
            data-testid="composer-offline"
            title="Sent once the connection is back"
          >
            offline · will queue
          </span>
        ) : null}
      </div>
      <MentionTextarea
        ref={ref}
        label="Note"
        placeholder="Write a note… Markdown and @mentions work. Ctrl+Enter to send."
        value={body}
        onChange={setBody}
        members={members}
        onSubmit={() => submit()}
        onCancel={onCancel}
        rows={2}
      />
      {error ? (
        <p className="alert small" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row composer-controls">
        <label className="visually-hidden" htmlFor="note-category">
          Category
        </label>
        <select
          id="note-category"
          className="select"
          value={category}
          onChange={(e) => setCategory(e.target.value as NoteCategory | "")}
        >
          <option value="">No category</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
        <AssigneeSelect id="note-assignee" members={members} value={assigneeId} onChange={setAssigneeId} />
        <span className="spacer" />
        {onCancel ? (
          <button type="button" className="btn ghost sm" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="btn primary sm" disabled={!body.trim() || !anchorLabel}>
          {down ? "Queue note" : "Add note"}
        </button>
      </div>
    </form>
  );
}
