import { quoteLines, splitLines } from "@greenlight/common/lines";
import { diffArrays } from "diff";
import { distance } from "fastest-levenshtein";

/**
 * A line diff of two script texts (jsdiff's Myers diff on whole lines), kept as lookups: which old
 * lines survive verbatim and where, and which old lines were replaced by which new ones.
 */
export interface ScriptDiff {
  readonly oldLines: readonly string[];
  readonly newLines: readonly string[];
  /** Per old line (0-based): its new line (1-based) when kept verbatim, else 0. */
  readonly kept: Int32Array;
  /** Per new line (0-based): true when it is not a kept old line (added or edited). */
  readonly changed: Uint8Array;
  /** Per old line (0-based): 1 + index in `blocks` when it was removed or replaced, else 0. */
  readonly blockOf: Int32Array;
  /** Runs of removed old lines and the new lines that took their place (1-based, inclusive; an
   * empty new range has newEnd = newStart - 1). */
  readonly blocks: readonly ReplacedBlock[];
  /** False when the texts differ too much for a diff within MAX_EDIT_LENGTH: nothing is kept. */
  readonly diffed: boolean;
  /** Character comparisons left for near matches of quotes, shared by all notes of one mapping. */
  fuzzyBudget: number;
}

export interface ReplacedBlock {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * Bounds the diff's time and memory (Myers is O((N+M)·D)): past this many inserted plus removed
 * lines jsdiff gives up and the mapping falls back to finding each quote in the new text.
 */
export const MAX_EDIT_LENGTH = 1_000;
/** Characters read and compared by every near-match search of one mapping together (~0.2 s). */
export const FUZZY_BUDGET = 20_000_000;

export function diffScripts(oldText: string, newText: string): ScriptDiff {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const kept = new Int32Array(oldLines.length);
  const changed = new Uint8Array(newLines.length).fill(1);
  const blockOf = new Int32Array(oldLines.length);
  const blocks: ReplacedBlock[] = [];
  const changes = diffArrays(oldLines, newLines, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes)
    return { oldLines, newLines, kept, changed, blockOf, blocks, diffed: false, fuzzyBudget: FUZZY_BUDGET };

  let o = 0;
  let n = 0;
  let open: ReplacedBlock | null = null;
  for (const c of changes) {
    const count = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      open = null;
      for (let i = 0; i < count; i++) {
        kept[o] = n + 1;
        changed[n] = 0;
        o++;
        n++;
      }
      continue;
    }
    // A run of removals and additions between two kept runs is one replaced block.
    if (!open) {
      open = { oldStart: o + 1, oldEnd: o, newStart: n + 1, newEnd: n };
      blocks.push(open);
    }
    if (c.removed) {
      for (let i = 0; i < count; i++) blockOf[o++] = blocks.length;
      open.oldEnd = o;
    } else {
      n += count;
      open.newEnd = n;
    }
  }
  return { oldLines, newLines, kept, changed, blockOf, blocks, diffed: true, fuzzyBudget: FUZZY_BUDGET };
}

const squash = (t: string) => t.replace(/\s+/g, " ").trim();

/**
 * 1 for equal texts, 0 for nothing in common (Levenshtein distance over the longer length). Below
 * `floor` it may answer 0 without computing: the distance is at least the difference in lengths.
 */
export function similarity(a: string, b: string, floor = 0): number {
  const x = squash(a);
  const y = squash(b);
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  if (1 - Math.abs(x.length - y.length) / longest < floor) return 0;
  return 1 - distance(x, y) / longest;
}

/** Where each new line's text occurs (1-based), built once per diff for the quote search. */
const positions = new WeakMap<ScriptDiff, Map<string, number[]>>();
export function newLinePositions(d: ScriptDiff, text: string): readonly number[] {
  let index = positions.get(d);
  if (!index) {
    index = new Map();
    for (let i = 0; i < d.newLines.length; i++) {
      const t = d.newLines[i] ?? "";
      const list = index.get(t);
      if (list) list.push(i + 1);
      else index.set(t, [i + 1]);
    }
    positions.set(d, index);
  }
  return index.get(text) ?? [];
}

/**
 * Lines of the new text that a revision changed: added or edited, blank lines left out (a margin
 * asterisk on an empty line marks nothing). 1-based, ascending.
 */
export function changedLines(d: ScriptDiff): number[] {
  const out: number[] = [];
  d.changed.forEach((c, i) => {
    if (c && (d.newLines[i] ?? "").trim() !== "") out.push(i + 1);
  });
  return out;
}

export const quoteOf = (lines: readonly string[], start: number, end: number) =>
  quoteLines(lines, start, end);
