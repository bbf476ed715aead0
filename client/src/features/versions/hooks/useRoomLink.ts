import { useEffect, useRef, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";

export interface LinkTarget {
  /** A timecode (or any jump `parseJump` reads) to open at. */
  readonly t: string | null;
  readonly note: string | null;
}

/** The shareable address of a version, a frame or a note: `/v/:id?t=01:00:42;10&note=:noteId`. */
export function roomLink(versionId: string, target: Partial<LinkTarget> = {}): string {
  const q = new URLSearchParams();
  if (target.t) q.set("t", target.t);
  if (target.note) q.set("note", target.note);
  const search = q.toString();
  return `/v/${versionId}${search ? `?${search}` : ""}`;
}

/** A note's link: its version, its timecode when it has one, and the note. */
export function noteLink(versionId: string, note: Pick<NoteItemFragment, "id" | "anchor">): string {
  const t = note.anchor.__typename === "TimeAnchor" ? note.anchor.startTimecode : null;
  return roomLink(versionId, { t, note: note.id });
}

function readTarget(): LinkTarget {
  const q = new URLSearchParams(window.location.search);
  return { t: q.get("t"), note: q.get("note") };
}

/**
 * Opening a link: once the room is ready, go to the linked note (selected, seeked to, scrolled into
 * view) or else the linked time, once. Then keep the address bar on what is shown (the selected
 * note, and `t` while paused), with `replaceState`, so copying the URL shares this very frame.
 */
export function useRoomLink(opts: {
  ready: boolean;
  notes: readonly NoteItemFragment[];
  notesComplete: boolean;
  openNote: (note: NoteItemFragment) => void;
  openTime?: (t: string) => void;
  selectedNoteId: string | null;
  /** The label to keep in `t` (null while playing or for rooms without time). */
  t: string | null;
}) {
  const [target] = useState(readTarget);
  const opened = useRef(false);
  const { ready, notes, notesComplete, openNote, openTime } = opts;

  useEffect(() => {
    if (opened.current || !ready) return;
    if (target.note) {
      const note = notes.find((n) => n.id === target.note);
      if (!note && !notesComplete) return; // still loading pages: wait for it
      opened.current = true;
      if (note) return openNote(note);
    }
    opened.current = true;
    if (target.t) openTime?.(target.t);
  }, [ready, notes, notesComplete, openNote, openTime, target]);

  const { selectedNoteId, t } = opts;
  useEffect(() => {
    if (!opened.current) return;
    const url = new URL(window.location.href);
    // While playing `t` is null: the address keeps the last resting frame.
    if (t) url.searchParams.set("t", t);
    if (selectedNoteId && !selectedNoteId.startsWith("temp-")) url.searchParams.set("note", selectedNoteId);
    else url.searchParams.delete("note");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [selectedNoteId, t]);

  return target;
}
