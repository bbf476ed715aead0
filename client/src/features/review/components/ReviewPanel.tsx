import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { LockOpenNotes, ReviewDecision, ReviewPanelVersionFragment } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { fullDate, timeAgo } from "../../../lib/format";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import { LockVersionDocument, ReviewVersionDocument, SubmitForReviewDocument } from "../graphql/operations";
import { ConfirmDecision, type Decision } from "./ConfirmDecision";
import { VersionStatusBadge } from "./VersionStatusBadge";

/**
 * Submit, approve / request changes, lock. What the viewer may do comes from `viewerCan` (never
 * re-derived here); when they may not, the server's `reason` says why.
 */
export function ReviewPanel({ version, label }: { version: ReviewPanelVersionFragment; label: string }) {
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submit, submitState] = useMutation(SubmitForReviewDocument);
  const [review, reviewState] = useMutation(ReviewVersionDocument);
  const [lock, lockState] = useMutation(LockVersionDocument);
  const busy = submitState.loading || reviewState.loading || lockState.loading;
  const can = version.viewerCan;

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setComment("");
    } catch (e) {
      setError(describeError(e).message);
    }
  };
  const decide = (decision: ReviewDecision) =>
    run(() => review({ variables: { versionId: version.id, decision, comment: comment.trim() || null } }));
  const confirm = (openNotes: LockOpenNotes) => {
    const what = confirming;
    setConfirming(null);
    if (what === "LOCK") void run(() => lock({ variables: { versionId: version.id, openNotes } }));
    else if (what) void decide(what);
  };

  const canSubmit =
    can.submitForReview && (version.status === "DRAFT" || version.status === "CHANGES_REQUESTED");
  const canReview = can.review && version.status === "IN_REVIEW";
  const canLock = can.lock && version.status === "APPROVED";

  return (
    <section className="review-panel stack" aria-label="Review">
      <div className="row">
        <h3>Review</h3>
        <span className="spacer" />
        <VersionStatusBadge status={version.status} />
      </div>

      <ol className="approvals" aria-label="Approval progress" data-testid="approval-progress">
        {version.approvalProgress.map((a) => (
          <li key={a.role} className="row" data-approved={!!a.approvedBy}>
            <span className="approval-dot" aria-hidden="true">
              {a.approvedBy ? "✓" : "○"}
            </span>
            <span>{ROLE_LABEL[a.role]}</span>
            {!a.required ? <span className="muted small">(no one in this role)</span> : null}
            <span className="spacer" />
            <span className="small muted">
              {a.approvedBy
                ? `${a.approvedBy.name} · ${a.approvedAt ? timeAgo(a.approvedAt) : ""}`
                : "waiting"}
            </span>
          </li>
        ))}
      </ol>

      {error ? (
        <p className="alert small" role="alert">
          {error}
        </p>
      ) : null}

      {canSubmit ? (
        <button
          type="button"
          className="btn primary"
          disabled={busy}
          onClick={() => run(() => submit({ variables: { versionId: version.id } }))}
        >
          Submit for review
        </button>
      ) : null}

      {canReview ? (
        <div className="stack">
          <label className="field">
            Comment (optional)
            <textarea
              className="textarea"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder="What should change, or why it's good to go"
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              onClick={() => setConfirming("APPROVE")}
            >
              Approve
            </button>
            <button
              type="button"
              className="btn danger"
              disabled={busy}
              onClick={() => setConfirming("REQUEST_CHANGES")}
            >
              Request changes
            </button>
          </div>
        </div>
      ) : null}

      {canLock ? (
        <button type="button" className="btn" disabled={busy} onClick={() => setConfirming("LOCK")}>
          Lock version…
        </button>
      ) : null}

      {confirming ? (
        <ConfirmDecision
          decision={confirming}
          version={version}
          label={label}
          comment={comment}
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        />
      ) : null}

      {!canSubmit && !canReview && !canLock && can.reason ? (
        <p className="muted small" data-testid="review-reason">
          {can.reason}
        </p>
      ) : null}

      {version.reviews.length > 0 ? (
        <section>
          <h4 className="small muted">Decisions</h4>
          <ul className="history">
            {version.reviews.map((r) => (
              <li key={`${r.reviewer.id}-${r.createdAt}`}>
                <strong>{r.reviewer.name}</strong> ({ROLE_LABEL[r.role]}){" "}
                {r.decision === "APPROVE" ? "approved" : "requested changes"}{" "}
                <time className="muted small" dateTime={r.createdAt} title={fullDate(r.createdAt)}>
                  {timeAgo(r.createdAt)}
                </time>
                {r.comment ? <p className="review-comment">{r.comment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section>
        <h4 className="small muted">Status history</h4>
        <ol className="history" data-testid="status-history">
          {version.statusHistory.map((h) => (
            <li key={`${h.to}-${h.at}`} className="row small">
              <VersionStatusBadge status={h.to} />
              <span>{h.by.name}</span>
              <span className="spacer" />
              <time className="muted" dateTime={h.at} title={fullDate(h.at)}>
                {timeAgo(h.at)}
              </time>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
