import { useCallback, useMemo, useState } from "react";
import type { NoteItemFragment, Stem } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { labelFor, secondsToFrames, toRate } from "../../../lib/timecode";
import { TransportBar } from "../../cut/components/TransportBar";
import { useFollow } from "../../cut/hooks/useFollow";
import { usePlayerFrame } from "../../cut/hooks/usePlayerFrame";
import { timeNoteSubmitter, useTimeAnchor } from "../../cut/hooks/useTimeAnchor";
import { useTransport } from "../../cut/hooks/useTransport";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import { ExportMarkers } from "../../versions/components/ExportMarkers";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { type ReadyRoom, ReviewRoomPage } from "../../versions/components/ReviewRoomPage";
import { RoomNotes } from "../../versions/components/RoomNotes";
import { useNewNoteKey } from "../../versions/hooks/useNewNoteKey";
import { LoudnessPanel } from "./LoudnessPanel";
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
  const rate = toRate(version.frameRate);
  const start = version.startTimecode;
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
  const frame = usePlayerFrame(media, rate);
  const [mediaFrames, setMediaFrames] = useState<number | null>(null);
  const durationFrames = version.durationFrames ?? mediaFrames;
  const transport = useTransport(media, rate, frame, durationFrames);
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null);
  const [visible, setVisible] = useState<readonly NoteItemFragment[]>([]);
  const label = useCallback((f: number) => labelFor(f, rate, start), [rate, start]);

  const onMedia = useCallback(
    (m: HTMLMediaElement | null) => {
      setMedia(m);
      m?.addEventListener("loadedmetadata", () => {
        if (Number.isFinite(m.duration)) setMediaFrames(Math.max(1, secondsToFrames(m.duration, rate)));
      });
    },
    [rate],
  );
  const onError = useCallback(() => setFailedUrl(url), [url]);

  const playing = transport.speed !== 0;
  usePresenceBroadcast(version.id, { frame, playing });
  const viewers = usePresenceViewers(version.id, room.me?.id);
  const follow = useFollow(viewers, frame, transport);

  const { marks } = transport;
  const anchor = useTimeAnchor(marks, frame, label);

  const onNoteClick = useCallback(
    (note: NoteItemFragment) => {
      setSelectedNoteId(note.id);
      if (note.anchor.__typename !== "TimeAnchor") return;
      const noteStem = note.anchor.stem;
      if (noteStem && noteStem !== stem && tracks.some((t) => t.stem === noteStem)) setStem(noteStem);
      transport.pause();
      transport.seekFrame(note.anchor.startFrame);
    },
    [transport, stem, tracks],
  );

  useKeydown((e) => {
    const i = ["1", "2", "3", "4"].indexOf(e.key);
    const t = tracks[i];
    if (i >= 0 && t) {
      e.preventDefault();
      setStem(t.stem);
    }
  });
  useNewNoteKey(transport.pause);

  const submit = timeNoteSubmitter(room, anchor, stem, transport.clearMarks);

  return (
    <ReviewRoomLayout
      room={room}
      headerExtra={
        <ExportMarkers versionId={version.id} fileBase={`${version.asset.title}-v${version.number}`} />
      }
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
              onMedia={onMedia}
              onNoteClick={onNoteClick}
              onError={onError}
            />
          ) : (
            <p className="empty">
              {mediaError ? "This stem's audio could not be loaded." : "No audio for this version."}
            </p>
          )}
          <TransportBar
            timecode={label(frame)}
            frame={frame}
            rate={rate}
            duration={version.durationTimecode ?? (durationFrames ? label(durationFrames - 1) : null)}
            transport={transport}
            label={label}
            follow={follow}
          />
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
