/**
 * Presence as subscribers see it: the shape the presence domain maps its documents to and the
 * realtime engine keeps and broadcasts (PresenceUpdate's root value). Here so that neither imports
 * the other.
 */
export interface PresenceEntry {
  userId: string;
  /** The viewer's role in the production (a `Role`), or null. */
  role: string | null;
  frame: number | null;
  line: number | null;
  playing: boolean;
  updatedAt: Date;
}

export interface PresenceSnapshot {
  versionId: string;
  viewers: PresenceEntry[];
}
