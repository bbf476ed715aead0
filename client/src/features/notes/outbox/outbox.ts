import type { AddNoteInput, NoteItemFragment } from "../../../gql/graphql";

/**
 * Notes written while the connection is down. Each is kept (in localStorage, so a reload or a
 * crash loses nothing) until the server has answered for it, and carries its Idempotency-Key, so
 * a re-send after an answer that never arrived returns the same note instead of adding a second.
 */
export interface QueuedNote {
  /** The Idempotency-Key of every attempt to send it; also the entry's id. */
  readonly key: string;
  /** Whose note it is: a different account signing in on this browser never sends it. */
  readonly userId: string;
  readonly versionId: string;
  readonly input: Omit<AddNoteInput, "versionId">;
  readonly anchor: NoteItemFragment["anchor"];
  readonly queuedAt: string;
  /** The server refused it (e.g. the version was locked meanwhile); it waits for retry or discard. */
  readonly error?: string;
}

type Listener = () => void;
const STORAGE_KEY = "greenlight.outbox";

function load(): QueuedNote[] {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedNote[]) : [];
  } catch {
    return [];
  }
}

export class Outbox {
  private entries: readonly QueuedNote[];
  private readonly listeners = new Set<Listener>();

  constructor(initial: readonly QueuedNote[] = load()) {
    this.entries = initial;
  }

  readonly getSnapshot = (): readonly QueuedNote[] => this.entries;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(entry: QueuedNote): void {
    if (this.entries.some((e) => e.key === entry.key)) return;
    this.set([...this.entries, entry]);
  }

  remove(key: string): void {
    this.set(this.entries.filter((e) => e.key !== key));
  }

  fail(key: string, error: string): void {
    this.set(this.entries.map((e) => (e.key === key ? { ...e, error } : e)));
  }

  retry(key: string): void {
    this.set(this.entries.map((e) => (e.key === key ? { ...e, error: undefined } : e)));
  }

  /** What may be sent now for this user, oldest first (refused ones wait for a retry). */
  sendable(userId: string): readonly QueuedNote[] {
    return this.entries.filter((e) => e.userId === userId && !e.error);
  }

  private set(next: readonly QueuedNote[]): void {
    this.entries = next;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the queue still lives for this page.
    }
    for (const l of this.listeners) l();
  }
}

export const outbox = new Outbox();

/** A fresh Idempotency-Key for one note (every attempt to send it reuses it). */
export function newClientKey(): string {
  return crypto.randomUUID();
}

/** Operation context that sends `key` as the mutation's Idempotency-Key (apollo/links.ts keeps it). */
export function idempotent(key: string) {
  return { headers: { "idempotency-key": key } };
}

/** How a queued note's anchor reads ("01:00:04;12", "Lines 3–5"). */
export function queuedAnchorLabel(anchor: NoteItemFragment["anchor"]): string {
  if (anchor.__typename === "TimeAnchor")
    return anchor.endFrame > anchor.startFrame
      ? `${anchor.startTimecode}–${anchor.endTimecode}`
      : anchor.startTimecode;
  if (anchor.__typename === "ScriptAnchor")
    return anchor.lineStart === anchor.lineEnd
      ? `Line ${anchor.lineStart}`
      : `Lines ${anchor.lineStart}–${anchor.lineEnd}`;
  return "";
}
