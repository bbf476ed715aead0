import type { NoteCategory, NoteItemFragment, NoteStatus, Role } from "../../../gql/graphql";

export const NOTE_STATUSES: readonly NoteStatus[] = ["OPEN", "IN_PROGRESS", "RESOLVED", "WONT_FIX"];

export const STATUS_LABEL: Record<NoteStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  RESOLVED: "Resolved",
  WONT_FIX: "Won't fix",
};

export interface NoteFilter {
  /** Empty means every status. */
  readonly statuses: ReadonlySet<NoteStatus>;
  readonly authorId: string | null;
  readonly role: Role | null;
  readonly category: NoteCategory | null;
  /** Notes I wrote, am assigned, or am mentioned in (by name or by my role). */
  readonly mine: boolean;
  /** Only notes assigned to me (narrower than `mine`: what I have to do). */
  readonly assignedToMe?: boolean;
  readonly text: string;
  /** Cut/mix: only notes on this stem (null: all). */
  readonly stem?: string | null;
}

export const emptyFilter: NoteFilter = {
  statuses: new Set(),
  authorId: null,
  role: null,
  category: null,
  mine: false,
  text: "",
};

export interface Viewer {
  readonly id: string;
  readonly role: Role | null;
}

type Note = NoteItemFragment;

function isMine(note: Note, viewer: Viewer): boolean {
  if (note.author.id === viewer.id || note.assignee?.id === viewer.id) return true;
  return note.mentions.some(
    (m) => m.user?.id === viewer.id || (viewer.role !== null && m.role === viewer.role),
  );
}

/** Everything except the status test, so status counts can show what each status would add. */
function matchesOthers(note: Note, f: NoteFilter, viewer: Viewer, needle: string): boolean {
  if (note.deletedAt) return false;
  if (f.authorId && note.author.id !== f.authorId) return false;
  if (f.role && note.authorRole !== f.role) return false;
  if (f.category && note.category !== f.category) return false;
  if (f.mine && !isMine(note, viewer)) return false;
  if (f.assignedToMe && note.assignee?.id !== viewer.id) return false;
  if (f.stem && note.anchor.__typename === "TimeAnchor" && (note.anchor.stem ?? "FULL_MIX") !== f.stem)
    return false;
  if (needle) {
    const hay =
      `${note.body}\n${note.author.name}\n${note.replies.map((r) => r.body).join("\n")}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

export interface FilterResult {
  readonly notes: readonly Note[];
  /** Per status, how many notes match the other filters. */
  readonly counts: Readonly<Record<NoteStatus, number>>;
  /** Notes matching the other filters, any status. */
  readonly total: number;
}

/** One pass over the notes: the filtered list and the counts for the status chips. O(n), no sorting. */
export function filterNotes(notes: readonly Note[], f: NoteFilter, viewer: Viewer): FilterResult {
  const counts: Record<NoteStatus, number> = { OPEN: 0, IN_PROGRESS: 0, RESOLVED: 0, WONT_FIX: 0 };
  const out: Note[] = [];
  const needle = f.text.trim().toLowerCase();
  let total = 0;
  for (const note of notes) {
    if (!matchesOthers(note, f, viewer, needle)) continue;
    counts[note.status] += 1;
    total += 1;
    if (f.statuses.size === 0 || f.statuses.has(note.status)) out.push(note);
  }
  return { notes: out, counts, total };
}

export function toggleStatus(f: NoteFilter, status: NoteStatus): NoteFilter {
  const next = new Set(f.statuses);
  if (next.has(status)) next.delete(status);
  else next.add(status);
  return { ...f, statuses: next };
}

export function isFiltered(f: NoteFilter): boolean {
  return (
    f.statuses.size > 0 ||
    !!f.authorId ||
    !!f.role ||
    !!f.category ||
    f.mine ||
    !!f.assignedToMe ||
    f.text.trim() !== "" ||
    !!f.stem
  );
}

/** Order for time-based media and scripts: by position, then by creation. */
export function anchorPosition(note: Note): number {
  return note.anchor.__typename === "TimeAnchor" ? note.anchor.startFrame : note.anchor.lineStart;
}

export function sortByAnchor(notes: readonly Note[]): Note[] {
  return [...notes].sort(
    (a, b) => anchorPosition(a) - anchorPosition(b) || a.createdAt.localeCompare(b.createdAt),
  );
}
