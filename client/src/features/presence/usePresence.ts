import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useRef } from "react";
import { useConnection } from "../../app/ConnectionBanner";
import { env } from "../../env";
import { throttle } from "../../lib/throttle";
import {
  JoinVersionDocument,
  LeaveVersionDocument,
  PresenceDocument,
  UpdatePresenceDocument,
} from "./graphql/operations";

/** A third of the server's default presence TTL, so one lost beat never drops a viewer. */
const HEARTBEAT_MS = 10_000;

export interface PresencePosition {
  readonly frame?: number | null;
  readonly line?: number | null;
  readonly playing: boolean;
}

/**
 * Joins the version's room while mounted (and again after a reconnect, since the server forgets a
 * dropped socket), and tells the others where my playhead or cursor is, at most 10 times a second.
 */
export function usePresenceBroadcast(versionId: string, position: PresencePosition, enabled = true): void {
  const { epoch } = useConnection();
  const [join] = useMutation(JoinVersionDocument);
  const [leave] = useMutation(LeaveVersionDocument);
  const [update] = useMutation(UpdatePresenceDocument);
  const updateRef = useRef(update);
  updateRef.current = update;

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is the reason to join again
  useEffect(() => {
    if (!enabled) return;
    const beat = () => void join({ variables: { versionId } }).catch(() => undefined);
    beat();
    // joinVersion doubles as the heartbeat: the server forgets viewers silent for its TTL (30 s).
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      void leave({ variables: { versionId } }).catch(() => undefined);
    };
  }, [versionId, enabled, epoch, join, leave]);

  const sender = useMemo(
    () =>
      throttle((p: PresencePosition) => {
        void updateRef
          .current({
            variables: { versionId, frame: p.frame ?? null, line: p.line ?? null, playing: p.playing },
          })
          .catch(() => undefined);
      }, 1000 / env.presenceMaxPerSecond),
    [versionId],
  );
  useEffect(() => () => sender.cancel(), [sender]);

  // Only a real change of position is sent: presence updates re-render the room, so reacting to a
  // new (equal) position object would loop.
  const { frame, line, playing } = position;
  useEffect(() => {
    if (enabled) sender.call({ frame, line, playing });
  }, [sender, enabled, frame, line, playing]);
}

export function usePresenceViewers(versionId: string, meId: string | undefined) {
  const { data } = useQuery(PresenceDocument, { variables: { versionId }, fetchPolicy: "cache-and-network" });
  return useMemo(() => (data?.presence ?? []).filter((v) => v.user.id !== meId), [data, meId]);
}
