import { useCallback, useMemo, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { DrawingChip } from "../../drawing/components/DrawingChip";
import { PictureDrawings } from "../../drawing/components/PictureDrawings";
import { useDrawingDraft } from "../../drawing/hooks/useDrawingDraft";
import { toInput } from "../../drawing/lib/shapes";
import { CompareLink } from "../../compare/components/CompareLink";
import { AttachEdit } from "../../edits/components/AttachEdit";
import { ExportMarkers } from "../../versions/components/ExportMarkers";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { type ReadyRoom, ReviewRoomPage } from "../../versions/components/ReviewRoomPage";
import { RoomNotes } from "../../versions/components/RoomNotes";
import { useRoomLink } from "../../versions/hooks/useRoomLink";
import { useCarriedTimeNotes } from "../hooks/useCarriedTimeNotes";
import { CarriedTimeList } from "./CarriedTimeList";
import { type OtherPlayhead, Timeline } from "./Timeline";
import { TransportBar } from "./TransportBar";
import { timeNoteSubmitter } from "../hooks/useTimeAnchor";
import { useTimedRoom } from "../hooks/useTimedRoom";

export function CutReviewPage() {
  return <ReviewRoomPage kind="CUT" render={(r) => <CutRoom room={r} />} />;
}

function CutRoom({ room }: { room: ReadyRoom }) {
  const { version } = room;
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [mediaError, setMediaError] = useState(false);
  const timed = useTimedRoom(room, video);
  const { rate, label, frame, settled, durationFrames, transport, viewers, follow, anchor, selectedNoteId } =
    timed;
  const { setSelectedNoteId, visible, setVisible } = timed;
  const { marks } = transport;
  const others = useMemo<OtherPlayhead[]>(
    () =>
      viewers
        .filter((v) => v.frame != null)
        .map((v) => ({ id: v.user.id, name: v.user.name, initials: v.user.initials, frame: v.frame ?? 0 })),
    [viewers],
  );

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
    [transport, setSelectedNoteId],
  );

  const carried = useCarriedTimeNotes(version.id, timed);

  useRoomLink({
    ready: timed.ready,
    notes: room.notes.notes,
    notesComplete: room.notes.complete,
    openNote: onNoteClick,
    openTime: timed.jumpTo,
    selectedNoteId,
    t: timed.resting,
  });

  const draft = useDrawingDraft();
  const submit = timeNoteSubmitter(
    room,
    anchor,
    null,
    () => {
      transport.clearMarks();
      draft.clearNew();
    },
    () => (draft.forNewNote.length ? { drawing: { shapes: toInput(draft.forNewNote) } } : {}),
  );

  return (
    <ReviewRoomLayout
      room={room}
      headerExtra={
        <>
          <CompareLink version={version} />
          <AttachEdit versionId={version.id} canAttach={version.viewerCan.addVersion} />
          <ExportMarkers version={version} />
        </>
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
            <PictureDrawings
              video={video}
              frame={frame}
              notes={room.notes.notes}
              selectedNoteId={selectedNoteId}
              draft={draft}
              canDraw={!room.composerBlocked}
              pause={transport.pause}
              stillName={`v${version.number} ${label(frame)}`}
            />
          </div>
          <TransportBar
            timecode={label(frame)}
            frame={frame}
            settled={settled}
            rate={rate}
            duration={durationFrames ? (version.durationTimecode ?? label(durationFrames - 1)) : null}
            transport={transport}
            label={label}
            follow={follow}
            onJump={timed.jumpTo}
            frameLink={timed.frameLink}
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
              carried={carried.placed}
              carriedSelectedId={carried.selectedId}
              onCarriedClick={carried.select}
            />
          ) : null}
          <CarriedTimeList carried={carried} />
        </div>
      }
      notes={
        <RoomNotes
          room={room}
          selectedNoteId={selectedNoteId}
          anchorLabel={(n) =>
            n.anchor.__typename === "TimeAnchor"
              ? n.anchor.endFrame > n.anchor.startFrame
                ? `${n.anchor.startTimecode}–${n.anchor.endTimecode.slice(-5)}`
                : n.anchor.startTimecode
              : ""
          }
          onSelect={onNoteClick}
          onVisibleChange={setVisible}
          composerAnchor={anchor.label}
          onSubmit={submit}
          composerAttachment={
            <DrawingChip count={draft.forNewNote.length} onEdit={draft.openNew} onRemove={draft.clearNew} />
          }
        />
      }
    />
  );
}
