import { useCallback, useEffect, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { framesInDuration, labelFor, toRate } from "../../../lib/timecode";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import type { ReadyRoom } from "../../versions/components/ReviewRoomPage";
import { useNewNoteKey } from "../../versions/hooks/useNewNoteKey";
import { roomLink } from "../../versions/hooks/useRoomLink";
import { parseJump } from "../jump";
import { useFollow } from "./useFollow";
import { usePlayerFrame } from "./usePlayerFrame";
import { useTimeAnchor } from "./useTimeAnchor";
import { useTransport } from "./useTransport";

/** The media's length in frames once its metadata is known (for versions stored without a duration). */
export function useMediaFrames(
  media: HTMLMediaElement | null,
  rate: ReturnType<typeof toRate>,
): number | null {
  const [frames, setFrames] = useState<number | null>(null);
  useEffect(() => {
    if (!media) return;
    const onMeta = () => {
      if (Number.isFinite(media.duration)) setFrames(Math.max(1, framesInDuration(media.duration, rate)));
    };
    media.addEventListener("loadedmetadata", onMeta);
    // The element may have read its metadata before we listened.
    onMeta();
    return () => media.removeEventListener("loadedmetadata", onMeta);
  }, [media, rate]);
  return frames;
}

/**
 * What the cut and mix rooms share around their media element: the frame clock and its labels, the
 * transport, presence and follow, where a new note goes, the selected and visible notes, and N.
 */
export function useTimedRoom(room: ReadyRoom, media: HTMLMediaElement | null) {
  const { version } = room;
  const rate = toRate(version.frameRate);
  const start = version.startTimecode;
  const label = useCallback((f: number) => labelFor(f, rate, start), [rate, start]);
  const mediaFrames = useMediaFrames(media, rate);
  const durationFrames = version.durationFrames ?? mediaFrames;
  const { clock, frame, settled } = usePlayerFrame(media, rate, durationFrames);
  const transport = useTransport(media, clock, rate, frame);
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null);
  const [visible, setVisible] = useState<readonly NoteItemFragment[]>([]);

  usePresenceBroadcast(version.id, { frame, playing: transport.speed !== 0 });
  const viewers = usePresenceViewers(version.id, room.me?.id);
  const follow = useFollow(viewers, frame, transport);
  const anchor = useTimeAnchor(transport.marks, frame, label);
  useNewNoteKey(transport.pause);

  const { pause, seekFrame } = transport;
  const stopFollow = follow.stop;
  /** Go to a typed timecode, offset or frame; the problem with the entry, or null once there. */
  const jumpTo = useCallback(
    (text: string): string | null => {
      const jump = parseJump(text, {
        current: clock?.current() ?? frame,
        rate,
        start,
        duration: durationFrames,
      });
      if ("error" in jump) return jump.error;
      stopFollow();
      pause();
      seekFrame(jump.frame);
      return null;
    },
    [clock, frame, rate, start, durationFrames, stopFollow, pause, seekFrame],
  );
  const resting = transport.speed === 0 ? label(frame) : null;

  return {
    jumpTo,
    /** The resting frame's label (null while playing), for the address bar. */
    resting,
    frameLink: roomLink(version.id, { t: label(frame) }),
    ready: !!clock && durationFrames != null,
    rate,
    label,
    frame,
    settled,
    durationFrames,
    transport,
    viewers,
    follow,
    anchor,
    selectedNoteId,
    setSelectedNoteId,
    visible,
    setVisible,
  };
}
