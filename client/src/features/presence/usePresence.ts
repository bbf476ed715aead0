import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useMemo, useRef } from "react";
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
 * Joins the version's room while mounted and tells the others where my playhead or cursor is, at most
 * 10 times a second. A reconnect re-joins and re-sends the position without leaving first: a leave and
 * rejoin would flash me out of everyone's avatar row and Follow menu and wipe my playhead there.
 */
export function usePresenceBroadcast(versionId: string, position: PresencePosition, enabled = true): void {
  const { epoch } = useConnection();
  const [join] = useMutation(JoinVersionDocument);
  const [leave] = useMutation(LeaveVersionDocument);
  const [update] = useMutation(UpdatePresenceDocument);
  const updateRef = useRef(update);
  updateRef.current = update;
  const { frame, line, playing } = position;
  const latest = useRef<PresencePosition>({ frame, line, playing });
  latest.current = { frame, line, playing };

  const send = useCallback(
    (p: PresencePosition) =>
      void updateRef
        .current({
          variables: { versionId, frame: p.frame ?? null, line: p.line ?? null, playing: p.playing },
        })
        .catch(() => undefined),
    [versionId],
  );

  // Leave only when the room is left (unmount, another version), never on a reconnect.
  useEffect(() => {
    if (!enabled) return;
    return () => void leave({ variables: { versionId } }).catch(() => undefined);
  }, [versionId, enabled, leave]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is the reason to join again
  useEffect(() => {
    if (!enabled) return;
    // The server may have forgotten a dropped socket's viewer: joining again and re-sending where I
    // am (even if it did not change) restores my playhead for everyone.
    void join({ variables: { versionId } })
      .then(() => send(latest.current))
      .catch(() => undefined);
    // joinVersion doubles as the heartbeat: the server forgets viewers silent for its TTL (30 s).
    const timer = setInterval(
      () => void join({ variables: { versionId } }).catch(() => undefined),
      HEARTBEAT_MS,
    );
    return () => clearInterval(timer);
  }, [versionId, enabled, epoch, join, send]);

  const sender = useMemo(() => throttle(send, 1000 / env.presenceMaxPerSecond), [send]);
  useEffect(() => () => sender.cancel(), [sender]);

  // Only a real change of position is sent: presence updates re-render the room, so reacting to a
  // new (equal) position object would loop.
  useEffect(() => {
    if (enabled) sender.call({ frame, line, playing });
  }, [sender, enabled, frame, line, playing]);
}

export function usePresenceViewers(versionId: string, meId: string | undefined) {
  const { data } = useQuery(PresenceDocument, { variables: { versionId }, fetchPolicy: "cache-and-network" });
  return useMemo(() => (data?.presence ?? []).filter((v) => v.user.id !== meId), [data, meId]);
}
