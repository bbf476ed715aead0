import { useCallback, useMemo, useState } from "react";
import { useParams } from "react-router";
import type { NoteItemFragment, Stem } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { labelFor, secondsToFrames, toRate } from "../../../lib/timecode";
import { TransportBar } from "../../cut/components/TransportBar";
import { useFollow } from "../../cut/hooks/useFollow";
import { usePlayerFrame } from "../../cut/hooks/usePlayerFrame";
import { useTransport } from "../../cut/hooks/useTransport";
import { NoteComposer } from "../../notes/components/NoteComposer";
import { NotesPanel } from "../../notes/components/NotesPanel";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import { ExportMarkers } from "../../versions/components/ExportMarkers";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { RoomGate } from "../../versions/components/RoomGate";
import { type ReviewRoom, useReviewRoom } from "../../versions/hooks/useReviewRoom";
import type { RoomVersion } from "../../versions/hooks/useVersionRoom";
import { LoudnessPanel } from "./LoudnessPanel";
import { Waveform } from "./Waveform";

export const STEM_LABEL: Record<Stem, string> = {
  FULL_MIX: "Full mix",
  DIALOGUE: "Dialogue",
  MUSIC: "Music",
  EFFECTS: "Effects",
};

export function MixReviewPage() {
  const { versionId = "" } = useParams();
  const room = useReviewRoom(versionId);
  return (
    <RoomGate room={room} kind="MIX">
      {(r) => <MixRoom key={r.version.id} room={r} />}
    </RoomGate>
  );
}

function MixRoom({ room }: { room: ReviewRoom & { version: RoomVersion } }) {
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
  const anchor = useMemo(() => {
    if (marks.in !== null || marks.out !== null) {
      const a = marks.in ?? 0;
      const b = marks.out ?? Math.max(a, frame);
      return { startFrame: Math.min(a, b), endFrame: Math.max(a, b) };
    }
    return { startFrame: frame, endFrame: frame };
  }, [marks, frame]);
  const anchorLabel = `${anchor.startFrame === anchor.endFrame ? label(anchor.startFrame) : `${label(anchor.startFrame)} – ${label(anchor.endFrame)}`} · ${STEM_LABEL[stem]}`;

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
    if (e.key === "n" || e.key === "N") {
      e.preventDefault();
      transport.pause();
      document.querySelector<HTMLTextAreaElement>("[data-testid=note-composer] textarea")?.focus();
    }
  });

  const submit = (body: string, category: NoteItemFragment["category"], assigneeId: string | null) => {
    const done = room.addNote(
      {
        body,
        category,
        assigneeId,
        time: { startFrame: anchor.startFrame, endFrame: anchor.endFrame, stem },
      },
      {
        __typename: "TimeAnchor",
        startFrame: anchor.startFrame,
        endFrame: anchor.endFrame,
        startTimecode: label(anchor.startFrame),
        endTimecode: label(anchor.endFrame),
        stem,
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
        <NotesPanel
          versionId={room.version.id}
          notes={room.notes.notes}
          loading={room.notes.loading}
          viewer={room.viewer}
          members={room.members}
          writable={room.writable}
          selectedNoteId={selectedNoteId}
          anchorLabel={(n) => (n.anchor.__typename === "TimeAnchor" ? n.anchor.startTimecode : "")}
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
