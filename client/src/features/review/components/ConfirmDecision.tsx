import { useEffect, useRef, useState } from "react";
import type { LockOpenNotes, ReviewPanelVersionFragment } from "../../../gql/graphql";

export type Decision = "APPROVE" | "REQUEST_CHANGES" | "LOCK";

interface Props {
  decision: Decision;
  version: ReviewPanelVersionFragment;
  /** "Pilot — director's cut v1". */
  label: string;
  comment: string;
  busy: boolean;
  onConfirm: (openNotes: LockOpenNotes) => void;
  onCancel: () => void;
}

const TITLE: Record<Decision, string> = {
  APPROVE: "Approve",
  REQUEST_CHANGES: "Request changes on",
  LOCK: "Lock",
};

const notes = (n: number) => (n === 1 ? "1 note is" : `${n} notes are`);

/**
 * The summary shown before a decision is sent: what it does, the approvals so far, the notes still
 * open; a lock with open notes asks what becomes of them (carried to the next version, or won't fix).
 */
export function ConfirmDecision({ decision, version, label, comment, busy, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [openNotes, setOpenNotes] = useState<LockOpenNotes>("CARRY");
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const open = version.noteCounts.open + version.noteCounts.inProgress;
  const required = version.approvalProgress.filter((a) => a.required);
  const approved = required.filter((a) => a.approvedBy).length;

  return (
    <dialog
      ref={ref}
      className="dialog confirm stack"
      aria-labelledby="confirm-title"
      data-testid="confirm-decision"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">
        {TITLE[decision]} {label}?
      </h2>
      <ul className="confirm-summary" data-testid="confirm-summary">
        {decision === "APPROVE" ? (
          <li>
            Approvals so far: {approved} of {required.length}.{" "}
            {approved + 1 >= required.length
              ? "Yours may complete it: the version becomes Approved."
              : "It stays in review until the others approve."}
          </li>
        ) : null}
        {decision === "REQUEST_CHANGES" ? (
          <li>The version goes back as Changes requested; approvals start again on resubmission.</li>
        ) : null}
        {decision === "LOCK" ? (
          <li>Locking is final: no more notes, replies or status changes on this version.</li>
        ) : null}
        <li data-testid="confirm-open-notes" data-open={open}>
          {open === 0 ? "No notes are open." : `${notes(open)} still open.`}
        </li>
        {comment.trim() && decision !== "LOCK" ? <li>Your comment: “{comment.trim()}”</li> : null}
      </ul>
      {decision === "LOCK" && open > 0 ? (
        <fieldset className="stack confirm-choice">
          <legend className="warning-text">What becomes of the {open} open notes?</legend>
          <label className="row">
            <input
              type="radio"
              name="open-notes"
              checked={openNotes === "CARRY"}
              onChange={() => setOpenNotes("CARRY")}
            />
            Carry open notes to the next version (resolve them there)
          </label>
          <label className="row">
            <input
              type="radio"
              name="open-notes"
              checked={openNotes === "WONT_FIX"}
              onChange={() => setOpenNotes("WONT_FIX")}
            />
            Resolve them as won't fix
          </label>
        </fieldset>
      ) : null}
      <div className="row">
        <span className="spacer" />
        <button type="button" className="btn ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={decision === "REQUEST_CHANGES" ? "btn danger" : "btn primary"}
          disabled={busy}
          onClick={() => onConfirm(openNotes)}
          data-testid="confirm-decision-ok"
        >
          {decision === "APPROVE" ? "Approve" : decision === "LOCK" ? "Lock version" : "Request changes"}
        </button>
      </div>
    </dialog>
  );
}
