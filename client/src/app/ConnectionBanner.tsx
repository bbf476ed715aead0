import { useSyncExternalStore } from "react";
import { connection } from "../realtime/connection";

/** Unobtrusive: nothing while connected; a one-line strip while live updates are paused. */
export function ConnectionBanner() {
  const state = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  if (state.status !== "offline" && state.status !== "reconnecting") return <div aria-hidden="true" />;
  return (
    <div className="banner" role="status" aria-live="polite" data-testid="connection-banner">
      <span aria-hidden="true">●</span>
      {state.status === "offline" ? "Connection lost — live updates paused." : "Reconnecting…"} Your notes are
      safe; anything missed will catch up when we're back.
    </div>
  );
}

export function useConnection() {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
