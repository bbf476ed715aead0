import { useApolloClient } from "@apollo/client/react";
import { outbox, queuedAnchorLabel } from "./outbox";
import { sendQueued, useQueuedNotes } from "./useOutbox";

/**
 * Notes written while the connection was down, above the list: each says it waits to be sent
 * (or why the server refused it, with retry and discard), so nothing typed offline looks lost.
 */
export function QueuedNotes({ versionId, userId }: { versionId: string; userId: string | undefined }) {
  const queued = useQueuedNotes(versionId, userId);
  const apollo = useApolloClient();
  if (queued.length === 0) return null;
  return (
    <section className="queued" aria-label="Notes waiting to send" data-testid="outbox">
      <h3 className="small">
        Waiting to send <span className="muted">({queued.length})</span>
      </h3>
      <ul className="queued-list">
        {queued.map((q) => (
          <li key={q.key} className="queued-note" data-testid="queued-note" data-refused={!!q.error}>
            <div className="row small">
              <strong className="mono">{queuedAnchorLabel(q.anchor)}</strong>
              <span className="spacer" />
              <span className={q.error ? "alert-text" : "muted"}>
                {q.error ? `Not sent: ${q.error}` : "queued — sends when the connection is back"}
              </span>
            </div>
            <p className="queued-body">{q.input.body}</p>
            {q.error ? (
              <div className="row">
                <span className="spacer" />
                <button type="button" className="btn ghost sm" onClick={() => outbox.remove(q.key)}>
                  Discard
                </button>
                <button
                  type="button"
                  className="btn sm"
                  onClick={() => {
                    outbox.retry(q.key);
                    void sendQueued(apollo, { ...q, error: undefined });
                  }}
                >
                  Retry
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
