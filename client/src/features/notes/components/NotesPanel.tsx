import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { NoteItemFragment, NoteStatus } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { emptyFilter, filterNotes, type NoteFilter, sortByAnchor, type Viewer } from "../lib/filters";
import type { MentionMember } from "../lib/mentions";
import { QueuedNotes } from "../outbox/QueuedNotes";
import { CarriedOverNotes } from "./CarriedOverNotes";
import { NoteCard } from "./NoteCard";
import { NoteFilters } from "./NoteFilters";

interface Props {
  /** The version shown, for the notes still open on its predecessors. */
  versionId: string;
  notes: readonly NoteItemFragment[];
  loading: boolean;
  viewer: Viewer;
  members: readonly MentionMember[];
  writable: boolean;
  selectedNoteId: string | null;
  anchorLabel: (note: NoteItemFragment) => string;
  onSelect: (note: NoteItemFragment) => void;
  onStatus: (note: NoteItemFragment, status: NoteStatus) => Promise<unknown>;
  onReply: (note: NoteItemFragment, body: string) => Promise<unknown>;
  /** The new-note form, placed above the list. */
  composer: ReactNode;
  /** Reports the visible (filtered) notes, for markers on the timeline or margin. */
  onVisibleChange?: (notes: readonly NoteItemFragment[]) => void;
  initialFilter?: Partial<NoteFilter>;
}

/**
 * The notes list of a review room: filters with counts, and a virtualised list so a version with
 * thousands of notes scrolls and filters smoothly (only the cards on screen are mounted).
 */
export function NotesPanel(props: Props) {
  const { notes, viewer, anchorLabel, selectedNoteId, onVisibleChange } = props;
  const [filter, setFilter] = useState<NoteFilter>({ ...emptyFilter, ...props.initialFilter });
  // Typing in search stays responsive; the list catches up in a background render.
  const deferredFilter = useDeferredValue(filter);
  const sorted = useMemo(() => sortByAnchor(notes), [notes]);
  const result = useMemo(() => filterNotes(sorted, deferredFilter, viewer), [sorted, deferredFilter, viewer]);

  useEffect(() => onVisibleChange?.(result.notes), [result.notes, onVisibleChange]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: result.notes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
    getItemKey: (i) => result.notes[i]?.id ?? i,
  });

  useEffect(() => {
    if (!selectedNoteId) return;
    const index = result.notes.findIndex((n) => n.id === selectedNoteId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [selectedNoteId, result.notes, virtualizer]);

  useKeydown((e) => {
    if (e.key === "/") {
      e.preventDefault();
      document.querySelector<HTMLInputElement>("input[data-shortcut='/']")?.focus();
    }
  });

  const onChange = useCallback((f: NoteFilter) => setFilter(f), []);

  // Stable handlers for the memoised cards: screens re-render with every frame of the playhead, and
  // new callback identities would re-render every mounted card with them.
  const latest = useRef(props);
  latest.current = props;
  const onSelect = useCallback((n: NoteItemFragment) => latest.current.onSelect(n), []);
  const onStatus = useCallback((n: NoteItemFragment, st: NoteStatus) => latest.current.onStatus(n, st), []);
  const onReply = useCallback((n: NoteItemFragment, body: string) => latest.current.onReply(n, body), []);

  return (
    <section className="notes-panel" aria-label="Notes">
      {props.composer}
      <QueuedNotes versionId={props.versionId} userId={viewer.id || undefined} />
      <CarriedOverNotes
        versionId={props.versionId}
        members={props.members}
        writable={props.writable}
        onReply={onReply}
      />
      <NoteFilters
        filter={filter}
        onChange={onChange}
        counts={result.counts}
        total={result.total}
        shown={result.notes.length}
        members={props.members}
      />
      <div ref={scrollRef} className="notes-scroll" data-testid="notes-list">
        {props.loading ? <p className="spinner">Loading notes…</p> : null}
        {!props.loading && result.notes.length === 0 ? (
          <p className="empty">
            {notes.length === 0 ? "No notes yet. Be the first." : "No notes match these filters."}
          </p>
        ) : null}
        <div
          style={{ height: virtualizer.getTotalSize(), position: "relative" }}
          role="feed"
          aria-busy={props.loading}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const note = result.notes[item.index];
            if (!note) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="note-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <NoteCard
                  note={note}
                  versionId={props.versionId}
                  anchorLabel={anchorLabel(note)}
                  selected={note.id === selectedNoteId}
                  members={props.members}
                  writable={props.writable}
                  onSelect={onSelect}
                  onStatus={onStatus}
                  onReply={onReply}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
