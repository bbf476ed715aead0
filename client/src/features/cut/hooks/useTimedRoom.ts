import { useCallback, useEffect, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { framesInDuration, labelFor, toRate } from "../../../lib/timecode";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import type { ReadyRoom } from "../../versions/components/ReviewRoomPage";
import { useNewNoteKey } from "../../versions/hooks/useNewNoteKey";
import { useFollow } from "./useFollow";
import { usePlayerFrame } from "./usePlayerFrame";
import { useTimeAnchor } from "./useTimeAnchor";
import { useTransport } from "./useTransport";

/** The media's length in frames once its metadata is known (for versions stored without a duration). */
function useMediaFrames(media: HTMLMediaElement | null, rate: ReturnType<typeof toRate>): number | null {
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

  return {
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
