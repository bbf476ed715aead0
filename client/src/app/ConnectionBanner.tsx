import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { outbox } from "../features/notes/outbox/outbox";
import { type ConnectionState, connection } from "../realtime/connection";

/** How long "Back online" stays after a reconnect once nothing is left to send. */
const RESUMED_MS = 3000;

type Shown = "offline" | "dropped" | "resuming" | null;

/** Browser offline, socket dropped (retrying), or just back and catching up; nothing while live. */
function useShown(state: ConnectionState, queued: number): Shown {
  const down = state.status === "offline" || state.status === "reconnecting";
  const [resuming, setResuming] = useState(false);
  const wasDown = useRef(false);

  useEffect(() => {
    if (down) {
      wasDown.current = true;
      setResuming(false);
      return;
    }
    if (!wasDown.current) return;
    // Back after a loss: say so until the queue is empty, then a moment more.
    setResuming(true);
    if (queued > 0) return;
    const t = setTimeout(() => {
      wasDown.current = false;
      setResuming(false);
    }, RESUMED_MS);
    return () => clearTimeout(t);
  }, [down, queued]);

  if (state.status === "offline") return state.network ? "dropped" : "offline";
  if (state.status === "reconnecting") return "dropped";
  return resuming ? "resuming" : null;
}

const notesWord = (n: number) => (n === 1 ? "1 note" : `${n} notes`);

/** One pill in the top bar that says what the connection is doing and what waits to be sent. */
export function ConnectionBanner() {
  const state = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const queued = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot).filter((e) => !e.error).length;
  const shown = useShown(state, queued);
  if (!shown) return <div aria-hidden="true" />;
  const waiting = queued > 0 ? ` ${notesWord(queued)} waiting to send.` : "";
  const text =
    shown === "offline"
      ? `You're offline — notes you write are kept and sent when you're back.${waiting}`
      : shown === "dropped"
        ? `Connection lost — reconnecting… notes are kept and sent once it's back.${waiting}`
        : queued > 0
          ? `Back online — sending ${notesWord(queued)}…`
          : "Back online — caught up.";
  return (
    <div
      className="banner"
      role="status"
      aria-live="polite"
      data-testid="connection-banner"
      data-state={shown}
    >
      <span aria-hidden="true">●</span>
      {text}
    </div>
  );
}

export function useConnection() {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
