import { Link } from "react-router";
import { describeError, type Problem } from "../lib/errors";

interface Props {
  error?: unknown;
  problem?: Problem;
  onRetry?: () => void;
}

/** The one way a failed request is shown: what happened, and what the user can do next. */
export function ErrorState({ error, problem, onRetry }: Props) {
  const p = problem ?? describeError(error);
  return (
    <div className="page" role="alert" data-problem={p.kind}>
      <div className="card stack">
        <h2>{p.title}</h2>
        <p className="muted">{p.message}</p>
        <div className="row">
          {onRetry && p.kind === "network" ? (
            <button type="button" className="btn primary" onClick={onRetry}>
              Try again
            </button>
          ) : null}
          <Link className="btn" to="/">
            Back to productions
          </Link>
        </div>
      </div>
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      {label}
    </div>
  );
}
