import { useCallback, useEffect, useMemo, useState } from "react";
import { useParams } from "react-router";
import type { NoteItemFragment } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { labelFor, secondsToFrames, toRate } from "../../../lib/timecode";
import { NoteComposer } from "../../notes/components/NoteComposer";
import { NotesPanel } from "../../notes/components/NotesPanel";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import { ExportMarkers } from "../../versions/components/ExportMarkers";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { RoomGate } from "../../versions/components/RoomGate";
import { type ReviewRoom, useReviewRoom } from "../../versions/hooks/useReviewRoom";
import type { RoomVersion } from "../../versions/hooks/useVersionRoom";
import { usePlayerFrame } from "../hooks/usePlayerFrame";
import { useTransport } from "../hooks/useTransport";
import { type OtherPlayhead, Timeline } from "./Timeline";
import { TransportBar } from "./TransportBar";
import { useFollow } from "../hooks/useFollow";

export function CutReviewPage() {
  const { versionId = "" } = useParams();
  const room = useReviewRoom(versionId);
  return (
    <RoomGate room={room} kind="CUT">
      {(r) => <CutRoom key={r.version.id} room={r} />}
    </RoomGate>
  );
}

function CutRoom({ room }: { room: ReviewRoom & { version: RoomVersion } }) {
  const { version } = room;
  const rate = toRate(version.frameRate);
  const start = version.startTimecode;
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [mediaFrames, setMediaFrames] = useState<number | null>(null);
  const [mediaError, setMediaError] = useState(false);
  const durationFrames = version.durationFrames ?? mediaFrames;
  const frame = usePlayerFrame(video, rate);
  const transport = useTransport(video, rate, frame, durationFrames);
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null);
  const [visible, setVisible] = useState<readonly NoteItemFragment[]>([]);
  const label = useCallback((f: number) => labelFor(f, rate, start), [rate, start]);

  useEffect(() => {
    if (!video) return;
    const onMeta = () => {
      if (Number.isFinite(video.duration)) setMediaFrames(Math.max(1, secondsToFrames(video.duration, rate)));
    };
    video.addEventListener("loadedmetadata", onMeta);
    onMeta();
    return () => video.removeEventListener("loadedmetadata", onMeta);
  }, [video, rate]);

  const playing = transport.speed !== 0;
  usePresenceBroadcast(version.id, { frame, playing });
  const viewers = usePresenceViewers(version.id, room.me?.id);
  const others = useMemo<OtherPlayhead[]>(
    () =>
      viewers
        .filter((v) => v.frame != null)
        .map((v) => ({ id: v.user.id, name: v.user.name, initials: v.user.initials, frame: v.frame ?? 0 })),
    [viewers],
  );
  const follow = useFollow(viewers, frame, transport);

  const { marks } = transport;
  const anchor = useMemo(() => {
    if (marks.in !== null || marks.out !== null) {
      const a = marks.in ?? 0;
      const b = marks.out ?? Math.max(a, frame);
      return { startFrame: Math.min(a, b), endFrame: Math.max(a, b) };
    }
    return { startFrame: frame, endFrame: frame };
  }, [marks, frame]);
  const anchorLabel =
    anchor.startFrame === anchor.endFrame
      ? label(anchor.startFrame)
      : `${label(anchor.startFrame)} – ${label(anchor.endFrame)}`;

  const onNoteClick = useCallback(
    (note: NoteItemFragment) => {
      setSelectedNoteId(note.id);
      if (note.anchor.__typename !== "TimeAnchor") return;
      transport.pause();
      transport.seekFrame(note.anchor.startFrame);
      if (note.anchor.endFrame > note.anchor.startFrame) {
        transport.setMarks({ in: note.anchor.startFrame, out: note.anchor.endFrame });
      }
    },
    [transport],
  );

  useKeydown((e) => {
    if (e.key === "n" || e.key === "N") {
      e.preventDefault();
      transport.pause();
      document.querySelector<HTMLTextAreaElement>("[data-testid=note-composer] textarea")?.focus();
    }
  });

  const submit = (body: string, category: NoteItemFragment["category"], assigneeId: string | null) => {
    const done = room.addNote(
      { body, category, assigneeId, time: { startFrame: anchor.startFrame, endFrame: anchor.endFrame } },
      {
        __typename: "TimeAnchor",
        startFrame: anchor.startFrame,
        endFrame: anchor.endFrame,
        startTimecode: label(anchor.startFrame),
        endTimecode: label(anchor.endFrame),
        stem: null,
      },
    );
    transport.clearMarks();
    return done;
  };

  return (
    <ReviewRoomLayout
      room={room}
      headerExtra={
        <ExportMarkers versionId={version.id} fileBase={`${version.asset.title}-v${version.number}`} />
      }
      stage={
        <div className="player-stage">
          <div className="picture">
            {version.mediaUrl && !mediaError ? (
              // biome-ignore lint/a11y/useMediaCaption: review cuts carry no caption track; notes are the text layer
              <video
                ref={setVideo}
                src={version.mediaUrl}
                preload="auto"
                playsInline
                onError={() => setMediaError(true)}
                onClick={transport.togglePlay}
                data-testid="video"
              />
            ) : (
              <p className="empty">
                {mediaError ? "The media for this version could not be loaded." : "No media yet."}
              </p>
            )}
          </div>
          <TransportBar
            timecode={label(frame)}
            frame={frame}
            rate={rate}
            duration={durationFrames ? (version.durationTimecode ?? label(durationFrames - 1)) : null}
            transport={transport}
            label={label}
            follow={follow}
          />
          {durationFrames ? (
            <Timeline
              durationFrames={durationFrames}
              frame={frame}
              notes={visible}
              marks={marks}
              others={others}
              selectedNoteId={selectedNoteId}
              label={label}
              onSeek={(f) => {
                follow.stop();
                transport.seekFrame(f);
              }}
              onNoteClick={onNoteClick}
            />
          ) : null}
        </div>
      }
      notes={
        <NotesPanel
          versionId={room.version.id}
          notes={room.notes.notes}
          loading={room.notes.loading}
          viewer={room.viewer}
          members={room.members}
          writable={room.writable}
          selectedNoteId={selectedNoteId}
          anchorLabel={(n) =>
            n.anchor.__typename === "TimeAnchor"
              ? n.anchor.endFrame > n.anchor.startFrame
                ? `${n.anchor.startTimecode}–${n.anchor.endTimecode.slice(-5)}`
                : n.anchor.startTimecode
              : ""
          }
          onSelect={onNoteClick}
          onStatus={room.onStatus}
          onReply={room.onReply}
          onVisibleChange={setVisible}
          composer={
            <NoteComposer
              anchorLabel={anchorLabel}
              members={room.members}
              disabledReason={room.composerBlocked}
              onSubmit={submit}
            />
          }
        />
      }
    />
  );
}
