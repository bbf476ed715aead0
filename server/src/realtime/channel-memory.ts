import type { FeedEvent } from "./ports.js";
import type { ExecutionScope } from "./ports.js";

/** Notes of a production remembered from the change stream (least recently changed out first). */
const RECENT_NOTES = 500;
/** Users and versions remembered from executions, until the change stream says they changed. */
const CACHED_VALUES = 500;

/** A Map that forgets its oldest entry past `max` (insertion order; re-setting refreshes). */
function setBounded(map: Map<string, unknown>, key: string, value: unknown, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

/**
 * What a channel knows without reading, so executions skip reads and stay as fresh as a read:
 * - notes as the change stream carried them (an event is committed after its note, so when the
 *   event is dispatched its note here is at least as fresh as the event);
 * - users and versions read by earlier executions ("userById:<id>", "versionById:<id>"), replaced
 *   by the change stream's post-image when it carries a change of that document (dropped when it
 *   has none, e.g. a delete). `epoch` counts those changes: what an execution read while one
 *   happened is not kept (it may predate the change).
 * Everything is forgotten when the change stream reopens (changes may have been missed).
 */
export class ChannelMemory {
  private readonly notes = new Map<string, unknown>();
  private readonly cached = new Map<string, unknown>();
  private epoch = 0;

  note(id: string, doc: unknown | null): void {
    if (doc === null) this.notes.delete(id);
    else setBounded(this.notes, id, doc, RECENT_NOTES);
  }

  /**
   * The document behind `key` changed: remember its post-image if it was remembered before (the
   * change stream's `updateLookup` is as fresh as a read after the change), else forget it.
   * Every note adds to its version's counters, so without this each event re-read its version.
   */
  changed(key: string, value: unknown | null): void {
    this.epoch++;
    if (value !== null && this.cached.has(key)) setBounded(this.cached, key, value, CACHED_VALUES);
    else this.cached.delete(key);
  }

  clear(): void {
    this.epoch++;
    this.notes.clear();
    this.cached.clear();
  }

  /** The shared scope of one event's executions, primed with what is known. */
  scopeFor(e: FeedEvent): { scope: ExecutionScope; epoch: number } {
    const scope: ExecutionScope = {};
    const noteId = e.noteId ? String(e.noteId) : null;
    const note = noteId
      ? (this.notes.get(noteId) as { authorId?: unknown; versionId?: unknown } | undefined)
      : undefined;
    if (note && noteId) scope.primeNotes = [[noteId, note]];
    const keys = [
      e.actorId ? `userById:${String(e.actorId)}` : null,
      note?.authorId ? `userById:${String(note.authorId)}` : null,
      e.versionId ? `versionById:${String(e.versionId)}` : null,
      note?.versionId ? `versionById:${String(note.versionId)}` : null,
    ];
    const primeCached: Array<[string, unknown]> = [];
    for (const key of keys) {
      const value = key ? this.cached.get(key) : undefined;
      if (key && value !== undefined) primeCached.push([key, value]);
    }
    if (primeCached.length > 0) scope.primeCached = primeCached;
    return { scope, epoch: this.epoch };
  }

  /** Keeps what the executions read, unless a change of a remembered kind arrived meanwhile. */
  async keep(scope: ExecutionScope, epoch: number): Promise<void> {
    if (!scope.collect || this.epoch !== epoch) return;
    const values = await scope.collect();
    if (this.epoch !== epoch) return;
    for (const [key, value] of values) setBounded(this.cached, key, value, CACHED_VALUES);
  }
}
