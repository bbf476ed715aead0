/**
 * Waveform peaks computed once per audio file and kept in localStorage, so a later visit draws a long
 * mix without fetching and decoding the whole file again. Bounded: at most MAX_ENTRIES files (the oldest
 * go first) and a fixed number of points per channel, rounded to 3 decimals.
 */
export interface Peaks {
  readonly channels: number[][];
  readonly duration: number;
}

const PREFIX = "greenlight.peaks.v1:";
const INDEX = "greenlight.peaks.v1.index";
export const MAX_ENTRIES = 40;
export const POINTS = 2000;

function index(store: Storage): string[] {
  try {
    const v = JSON.parse(store.getItem(INDEX) ?? "[]") as unknown;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

function valid(v: unknown): v is Peaks {
  if (!v || typeof v !== "object") return false;
  const p = v as Partial<Peaks>;
  return (
    typeof p.duration === "number" &&
    p.duration > 0 &&
    Array.isArray(p.channels) &&
    p.channels.length > 0 &&
    p.channels.every((c) => Array.isArray(c) && c.length <= POINTS && c.every((x) => typeof x === "number"))
  );
}

export function readPeaks(url: string, store: Storage = localStorage): Peaks | null {
  try {
    const v = JSON.parse(store.getItem(PREFIX + url) ?? "null") as unknown;
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

export function writePeaks(url: string, peaks: Peaks, store: Storage = localStorage): void {
  const entry: Peaks = {
    duration: peaks.duration,
    channels: peaks.channels.map((c) => c.slice(0, POINTS).map((x) => Math.round(x * 1000) / 1000)),
  };
  const keys = index(store).filter((k) => k !== url);
  keys.push(url);
  while (keys.length > MAX_ENTRIES) {
    const old = keys.shift();
    if (old) store.removeItem(PREFIX + old);
  }
  try {
    store.setItem(PREFIX + url, JSON.stringify(entry));
    store.setItem(INDEX, JSON.stringify(keys));
  } catch {
    // Full: drop every cached waveform rather than fail; they are computed again when needed.
    for (const k of keys) store.removeItem(PREFIX + k);
    store.removeItem(INDEX);
  }
}
