import { useEffect, useRef, useState } from "react";
import WaveSurfer from "wavesurfer.js";
import RegionsPlugin from "wavesurfer.js/dist/plugins/regions.esm.js";
import TimelinePlugin from "wavesurfer.js/dist/plugins/timeline.esm.js";
import type { CarriedTimePlacementFragment, NoteItemFragment } from "../../../gql/graphql";
import { type FrameRate, frameAtPlayhead, framesToSeconds } from "../../../lib/timecode";
import { POINTS, readPeaks, writePeaks } from "../lib/peaksCache";

/** Marker colours by note status, read from the design tokens so the waveform matches badges. */
function statusColor(status: string, alpha: number): string {
  const name = `--status-${status.toLowerCase().replace(/_/g, "-")}`;
  const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#60a5fa";
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const isAbort = (err: unknown) => err instanceof Error && err.name === "AbortError";

interface Props {
  url: string;
  rate: FrameRate;
  notes: readonly NoteItemFragment[];
  selectedNoteId: string | null;
  onMedia: (media: HTMLMediaElement | null) => void;
  onNoteClick: (note: NoteItemFragment) => void;
  onError: () => void;
  /** A frame's timecode label, for the ruler. */
  label: (frame: number) => string;
  /** Peaks were computed for `url` (decoded now or read from the cache): the lanes redraw. */
  onPeaks?: (url: string) => void;
  /** Notes carried onto this mix by the conform, drawn at their new places (fainter than its own). */
  carried?: readonly CarriedTimePlacementFragment[];
  carriedSelectedId?: string | null;
  onCarriedClick?: (c: CarriedTimePlacementFragment) => void;
}

/** Region ids of carried notes, apart from the version's own notes' ids. */
const CARRIED = "carried:";
const NO_CARRIED: readonly CarriedTimePlacementFragment[] = [];

/**
 * wavesurfer.js 7 waveform with one region per note (points as one-frame regions) and a fainter one,
 * marked ↪, per note carried onto this mix. Switching stems
 * loads the new file and keeps the playhead where it was.
 */
export function Waveform(props: Props) {
  const { url, rate, notes, selectedNoteId, onMedia, onNoteClick, onError } = props;
  const container = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const regions = useRef<RegionsPlugin | null>(null);
  const [ready, setReady] = useState(false);
  const clickRef = useRef(onNoteClick);
  clickRef.current = onNoteClick;
  const notesRef = useRef(notes);
  notesRef.current = notes;
  const labelRef = useRef(props.label);
  labelRef.current = props.label;
  const rateRef = useRef(rate);
  rateRef.current = rate;
  const carried = props.carried ?? NO_CARRIED;
  const carriedSelectedId = props.carriedSelectedId ?? null;
  const carriedRef = useRef(carried);
  carriedRef.current = carried;
  const carriedClickRef = useRef(props.onCarriedClick);
  carriedClickRef.current = props.onCarriedClick;
  const peaksRef = useRef(props.onPeaks);
  peaksRef.current = props.onPeaks;
  const [peaksFrom, setPeaksFrom] = useState<"cache" | "decoded" | null>(null);

  // Created once; url changes go through load() below so the element (and the clock) stays the same.
  // biome-ignore lint/correctness/useExhaustiveDependencies: mount-only by design
  useEffect(() => {
    if (!container.current) return;
    const plugin = RegionsPlugin.create();
    // The ruler above the waveform, in the version's timecode (not seconds).
    const ruler = TimelinePlugin.create({
      insertPosition: "beforebegin",
      height: 18,
      formatTimeCallback: (s) => labelRef.current(frameAtPlayhead(s, rateRef.current)),
      style: { color: "#9aa3ad", fontSize: "10px" },
    });
    const instance = WaveSurfer.create({
      container: container.current,
      height: 120,
      waveColor: "#4b5563",
      progressColor: "#4ade80",
      cursorColor: "#e9edf2",
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [plugin, ruler],
    });
    ws.current = instance;
    regions.current = plugin;
    plugin.on("region-clicked", (region, e) => {
      e.stopPropagation();
      if (region.id.startsWith(CARRIED)) {
        const c = carriedRef.current.find((p) => `${CARRIED}${p.id}` === region.id);
        if (c) carriedClickRef.current?.(c);
        return;
      }
      const note = notesRef.current.find((n) => n.id === region.id);
      if (note) clickRef.current(note);
    });
    instance.on("ready", () => setReady(true));
    instance.on("error", (err) => {
      if (!isAbort(err)) onError();
    });
    onMedia(instance.getMediaElement());
    return () => {
      onMedia(null);
      instance.destroy();
      ws.current = null;
      regions.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = ws.current;
    if (!instance) return;
    const at = instance.getCurrentTime();
    const wasPlaying = instance.isPlaying();
    setReady(false);
    // Cached peaks draw at once and skip fetching and decoding the whole file (it then streams to play).
    const cached = readPeaks(url);
    setPeaksFrom(null);
    instance
      .load(url, cached?.channels, cached?.duration)
      .then(() => {
        if (!cached) {
          const duration = instance.getDuration();
          if (duration > 0)
            writePeaks(url, { channels: instance.exportPeaks({ maxLength: POINTS }), duration });
        }
        setPeaksFrom(cached ? "cache" : "decoded");
        peaksRef.current?.(url);
        instance.setTime(at);
        if (wasPlaying) void instance.play();
      })
      .catch((err: unknown) => {
        // A newer load (stem switch) aborts the previous fetch; only real failures are errors.
        if (!isAbort(err)) onError();
      });
  }, [url, onError]);

  useEffect(() => {
    const plugin = regions.current;
    // While a stem switch loads, `ready` is still true for a render but the duration is 0: regions
    // added then are clamped to 0 s for good (wavesurfer clamps at creation). The next ready redraws.
    if (!plugin || !ready || !ws.current?.getDuration()) return;
    plugin.clearRegions();
    const oneFrame = framesToSeconds(1, rate);
    for (const n of notes) {
      if (n.anchor.__typename !== "TimeAnchor") continue;
      const start = framesToSeconds(n.anchor.startFrame, rate);
      const end = Math.max(start + oneFrame, framesToSeconds(n.anchor.endFrame + 1, rate));
      const selected = n.id === selectedNoteId;
      plugin.addRegion({
        id: n.id,
        start,
        end,
        color: statusColor(n.status, selected ? 0.55 : 0.3),
        content: n.author.initials,
        drag: false,
        resize: false,
      });
    }
    for (const c of carried) {
      if (c.anchor.__typename !== "TimeAnchor") continue;
      const start = framesToSeconds(c.anchor.startFrame, rate);
      const end = Math.max(start + oneFrame, framesToSeconds(c.anchor.endFrame + 1, rate));
      plugin.addRegion({
        id: `${CARRIED}${c.id}`,
        start,
        end,
        color: statusColor(c.note.status, c.id === carriedSelectedId ? 0.4 : 0.15),
        content: `↪${c.note.author.initials}`,
        drag: false,
        resize: false,
      });
    }
  }, [notes, carried, ready, rate, selectedNoteId, carriedSelectedId]);

  return (
    <div className="waveform" data-testid="waveform" data-ready={ready} data-peaks={peaksFrom ?? undefined}>
      <div ref={container} />
      {!ready ? <p className="spinner small">Drawing waveform…</p> : null}
    </div>
  );
}
