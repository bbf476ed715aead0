import { useCallback, useEffect, useMemo, useState } from "react";
import type { PresenceViewerItemFragment } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";

interface FollowTransport {
  speed: number;
  seekFrame: (frame: number) => void;
  playAt: (speed: number) => void;
  pause: () => void;
}

export interface Follow {
  readonly targetId: string | null;
  readonly candidates: readonly { id: string; name: string }[];
  start: (id: string | null) => void;
  stop: () => void;
}

/** Slack allowed while both play, so presence's 10 updates/s don't make the picture stutter. */
const PLAYING_TOLERANCE_FRAMES = 12;

/**
 * "Follow" another viewer: mirror their play state and keep my playhead on theirs. Any seek of my own
 * (timeline click) stops following, like in a screening-room sync.
 */
export function useFollow(
  viewers: readonly PresenceViewerItemFragment[],
  frame: number,
  transport: FollowTransport,
): Follow {
  const [targetId, setTargetId] = useState<string | null>(null);
  // Everyone the avatar row shows is followable (the same presence list): one who has not sent a
  // playhead yet is followed from their first position.
  const candidates = useMemo(() => viewers.map((v) => ({ id: v.user.id, name: v.user.name })), [viewers]);
  const target = viewers.find((v) => v.user.id === targetId) ?? null;

  // Only the target's updates drive this; my own frame changing must not re-trigger seeks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the followed viewer's position only
  useEffect(() => {
    if (!target || target.frame == null) return;
    const drift = Math.abs(target.frame - frame);
    if (target.playing) {
      if (transport.speed === 0) {
        transport.seekFrame(target.frame);
        transport.playAt(1);
      } else if (drift > PLAYING_TOLERANCE_FRAMES) transport.seekFrame(target.frame);
    } else {
      if (transport.speed !== 0) transport.pause();
      if (drift > 0) transport.seekFrame(target.frame);
    }
  }, [target?.frame, target?.playing, target?.updatedAt]);

  const start = useCallback((id: string | null) => setTargetId(id), []);
  const stop = useCallback(() => setTargetId(null), []);

  useKeydown((e) => {
    if (e.key === "f" || e.key === "F") {
      e.preventDefault();
      setTargetId((cur) => (cur ? null : (candidates[0]?.id ?? null)));
    }
  });

  return { targetId: target ? targetId : null, candidates, start, stop };
}
