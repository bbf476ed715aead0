import { useCallback, useMemo, useState } from "react";
import type { CarriedTimePlacementFragment, NoteItemFragment, Stem } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { CarriedTimeList } from "../../cut/components/CarriedTimeList";
import { TransportBar } from "../../cut/components/TransportBar";
import { useCarriedTimeNotes } from "../../cut/hooks/useCarriedTimeNotes";
import { timeNoteSubmitter } from "../../cut/hooks/useTimeAnchor";
import { useTimedRoom } from "../../cut/hooks/useTimedRoom";
import { ExportMarkers } from "../../versions/components/ExportMarkers";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { type ReadyRoom, ReviewRoomPage } from "../../versions/components/ReviewRoomPage";
import { RoomNotes } from "../../versions/components/RoomNotes";
import { useRoomLink } from "../../versions/hooks/useRoomLink";
import { LoudnessPanel } from "./LoudnessPanel";
import { StemLanes } from "./StemLanes";
import { Waveform } from "./Waveform";

export const STEM_LABEL: Record<Stem, string> = {
  FULL_MIX: "Full mix",
  DIALOGUE: "Dialogue",
  MUSIC: "Music",
  EFFECTS: "Effects",
};

export function MixReviewPage() {
  return <ReviewRoomPage kind="MIX" render={(r) => <MixRoom room={r} />} />;
}

function MixRoom({ room }: { room: ReadyRoom }) {
  const { version } = room;
  const tracks = useMemo(() => {
    const list = [...version.stems];
    if (version.mediaUrl && !list.some((s) => s.stem === "FULL_MIX")) {
      list.unshift({ __typename: "StemTrack", stem: "FULL_MIX", mediaUrl: version.mediaUrl });
    }
    return list;
  }, [version.stems, version.mediaUrl]);
  const [stem, setStem] = useState<Stem>(tracks[0]?.stem ?? "FULL_MIX");
  const url = tracks.find((t) => t.stem === stem)?.mediaUrl ?? null;
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  // The url that failed, so switching to another stem tries again.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const mediaError = !!url && failedUrl === url;
  const [stemOnly, setStemOnly] = useState(false);
  const timed = useTimedRoom(room, media);
  const { rate, label, frame, settled, durationFrames, transport, follow, anchor, selectedNoteId } = timed;
  const { setSelectedNoteId, visible, setVisible } = timed;
  const onError = useCallback(() => setFailedUrl(url), [url]);
  const [peaksVersion, setPeaksVersion] = useState(0);
  const onPeaks = useCallback(() => setPeaksVersion((n) => n + 1), []);

  const onNoteClick = useCallback(
    (note: NoteItemFragment) => {
      setSelectedNoteId(note.id);
      if (note.anchor.__typename !== "TimeAnchor") return;
      const noteStem = note.anchor.stem;
      if (noteStem && noteStem !== stem && tracks.some((t) => t.stem === noteStem)) setStem(noteStem);
      transport.pause();
      transport.seekFrame(note.anchor.startFrame);
    },
    [transport, stem, tracks, setSelectedNoteId],
  );

  const carriedNotes = useCarriedTimeNotes(version.id, timed);
  // As with the mix's own notes: going to a carried note also switches to its stem.
  const carried = useMemo(
    () => ({
      ...carriedNotes,
      select: (c: CarriedTimePlacementFragment) => {
        const noteStem = c.anchor.__typename === "TimeAnchor" ? c.anchor.stem : null;
        if (noteStem && tracks.some((t) => t.stem === noteStem)) setStem(noteStem);
        carriedNotes.select(c);
      },
    }),
    [carriedNotes, tracks],
  );

  useKeydown((e) => {
    const i = ["1", "2", "3", "4"].indexOf(e.key);
    const t = tracks[i];
    if (i >= 0 && t) {
      e.preventDefault();
      setStem(t.stem);
    }
  });
  useRoomLink({
    ready: timed.ready,
    notes: room.notes.notes,
    notesComplete: room.notes.complete,
    openNote: onNoteClick,
    openTime: timed.jumpTo,
    selectedNoteId,
    t: timed.resting,
  });

  const submit = timeNoteSubmitter(room, anchor, stem, transport.clearMarks);

  return (
    <ReviewRoomLayout
      room={room}
      headerExtra={<ExportMarkers version={version} />}
      stage={
        <div className="player-stage mix-stage">
          <fieldset className="row stems">
            <legend className="visually-hidden">Stem</legend>
            {tracks.map((t, i) => (
              <button
                key={t.stem}
                type="button"
                aria-pressed={t.stem === stem}
                className="chip"
                onClick={() => setStem(t.stem)}
                data-testid={`stem-${t.stem}`}
              >
                {STEM_LABEL[t.stem]} <kbd>{i + 1}</kbd>
              </button>
            ))}
            <span className="spacer" />
            <label className="row small">
              <input type="checkbox" checked={stemOnly} onChange={(e) => setStemOnly(e.target.checked)} />
              Only this stem's notes
            </label>
          </fieldset>
          {url && !mediaError ? (
            <Waveform
              url={url}
              rate={rate}
              notes={
                stemOnly
                  ? visible.filter(
                      (n) => n.anchor.__typename === "TimeAnchor" && (n.anchor.stem ?? "FULL_MIX") === stem,
                    )
                  : visible
              }
              selectedNoteId={selectedNoteId}
              onMedia={setMedia}
              onNoteClick={onNoteClick}
              onError={onError}
              label={label}
              onPeaks={onPeaks}
              carried={carried.placed}
              carriedSelectedId={carried.selectedId}
              onCarriedClick={carried.select}
            />
          ) : (
            <p className="empty">
              {mediaError ? "This stem's audio could not be loaded." : "No audio for this version."}
            </p>
          )}
          {tracks.length > 1 && durationFrames ? (
            <StemLanes
              tracks={tracks}
              labels={STEM_LABEL}
              active={stem}
              notes={visible}
              frame={frame}
              durationFrames={durationFrames}
              selectedNoteId={selectedNoteId}
              peaksVersion={peaksVersion}
              onStem={setStem}
              onNoteClick={onNoteClick}
              carried={carried.placed}
              carriedSelectedId={carried.selectedId}
              onCarriedClick={carried.select}
            />
          ) : null}
          <TransportBar
            timecode={label(frame)}
            frame={frame}
            settled={settled}
            rate={rate}
            duration={version.durationTimecode ?? (durationFrames ? label(durationFrames - 1) : null)}
            transport={transport}
            label={label}
            follow={follow}
            onJump={timed.jumpTo}
            frameLink={timed.frameLink}
          />
          <CarriedTimeList carried={carried} />
          <LoudnessPanel loudness={version.loudness} />
        </div>
      }
      notes={
        <RoomNotes
          room={room}
          selectedNoteId={selectedNoteId}
          anchorLabel={(n) => (n.anchor.__typename === "TimeAnchor" ? n.anchor.startTimecode : "")}
          onSelect={onNoteClick}
          onVisibleChange={setVisible}
          composerAnchor={`${anchor.label} · ${STEM_LABEL[stem]}`}
          onSubmit={submit}
        />
      }
    />
  );
}
