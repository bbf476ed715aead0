import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import type { AnchorMapping } from "../notes/note-carry.model.js";
import { newLinePositions, quoteOf, type ScriptDiff, similarity } from "./script-diff.js";

/** An old line inside a replaced block counts as edited (not removed) from this similarity on. */
export const EDITED_SIMILARITY = 0.5;
/** A quote found elsewhere in the new text counts as the same words from this similarity on. */
export const RELOCATED_SIMILARITY = 0.6;
/** Bounds the near-match search per note: windows compared and characters per quote. */
const MAX_WINDOWS = 2_000;
const MAX_FUZZY_QUOTE = 2_000;
const MAX_BLOCK_SCAN = 200;

export interface ScriptSpan {
  lineStart: number;
  lineEnd: number;
}

const span = (a: number, b: number) => (a === b ? `line ${a}` : `lines ${a}–${b}`);

/**
 * Maps one anchor of the old text onto the new one (issue #16):
 * 1. every line kept verbatim and still together: UNCHANGED or MOVED (line diff);
 * 2. the whole quote found word for word elsewhere (lines moved): MOVED (quote match);
 * 3. some lines kept or edited in place: TEXT_CHANGED on those lines (line diff);
 * 4. a near match of the quote elsewhere (moved and edited): TEXT_CHANGED (quote match);
 * 5. otherwise LINES_REMOVED, on the nearest surviving line, keeping the old quote.
 */
export function remapScriptSpan(d: ScriptDiff, old: ScriptSpan): AnchorMapping {
  const { lineStart: s, lineEnd: e } = old;
  const oldQuote = quoteOf(d.oldLines, s, e);
  const at = (start: number, end: number, quote: string, outcome: CarryOutcome, method: CarryMethod) => ({
    anchor: { type: "SCRIPT" as const, lineStart: start, lineEnd: end, quote },
    outcome,
    method,
    detail: detailOf(outcome, s, e, start, end),
  });

  const keptTo: number[] = [];
  for (let l = s; l <= e; l++) keptTo.push(d.kept[l - 1] ?? 0);
  const first = keptTo[0] ?? 0;
  if (keptTo.every((n, i) => n > 0 && n === first + i)) {
    const outcome = first === s ? CarryOutcome.UNCHANGED : CarryOutcome.MOVED;
    return at(first, first + e - s, oldQuote, outcome, CarryMethod.LINE_DIFF);
  }

  const expected = expectedLine(d, s);
  const exact = findExact(d, s, e, expected);
  if (exact) return at(exact, exact + e - s, oldQuote, CarryOutcome.MOVED, CarryMethod.QUOTE_MATCH);

  const mapped: number[] = [];
  for (let l = s; l <= e; l++) {
    const n = d.kept[l - 1] || editedTo(d, l);
    if (n > 0) mapped.push(n);
  }
  if (mapped.length > 0) {
    const start = Math.min(...mapped);
    const end = Math.max(...mapped);
    const quote = quoteOf(d.newLines, start, end);
    const outcome = quote === oldQuote ? CarryOutcome.MOVED : CarryOutcome.TEXT_CHANGED;
    return at(start, end, quote, outcome, CarryMethod.LINE_DIFF);
  }

  const near = findNear(d, s, e, oldQuote, expected);
  if (near) {
    const end = near + e - s;
    return at(near, end, quoteOf(d.newLines, near, end), CarryOutcome.TEXT_CHANGED, CarryMethod.QUOTE_MATCH);
  }
  const nearest = nearestSurviving(d, s, e);
  return at(nearest, nearest, oldQuote, CarryOutcome.LINES_REMOVED, CarryMethod.LINE_DIFF);
}

function detailOf(outcome: CarryOutcome, s: number, e: number, start: number, end: number): string {
  switch (outcome) {
    case CarryOutcome.UNCHANGED:
      return "unchanged";
    case CarryOutcome.MOVED:
      return `moved from ${span(s, e)}`;
    case CarryOutcome.TEXT_CHANGED:
      return start === s && end === e ? "text changed" : `text changed (was ${span(s, e)})`;
    default:
      return `${span(s, e)} removed; nearest surviving line ${start}`;
  }
}

/** Where old line `s` would be in the new text: after the nearest kept line before it. */
function expectedLine(d: ScriptDiff, s: number): number {
  for (let l = s - 1; l >= 1; l--) {
    const n = d.kept[l - 1] ?? 0;
    if (n > 0) return n + (s - l);
  }
  return s;
}

/** An old line replaced in place: the most similar new line of its block, if similar enough. */
function editedTo(d: ScriptDiff, l: number): number {
  const b = d.blockOf[l - 1] ?? 0;
  const block = b > 0 ? d.blocks[b - 1] : undefined;
  if (!block || block.newEnd < block.newStart) return 0;
  const text = d.oldLines[l - 1] ?? "";
  if (text.trim() === "") return 0;
  const sameSize = block.newEnd - block.newStart === block.oldEnd - block.oldStart;
  const candidates: number[] = [];
  if (sameSize) candidates.push(block.newStart + (l - block.oldStart));
  else
    for (let n = block.newStart; n <= Math.min(block.newEnd, block.newStart + MAX_BLOCK_SCAN - 1); n++)
      candidates.push(n);
  let best = 0;
  let bestSim = EDITED_SIMILARITY;
  for (const n of candidates) {
    const candidate = d.newLines[n - 1] ?? "";
    const cost = text.length * candidate.length;
    if (cost > d.fuzzyBudget) break;
    d.fuzzyBudget -= cost;
    const sim = similarity(text, candidate, EDITED_SIMILARITY);
    if (sim >= bestSim && (best === 0 || sim > bestSim)) {
      best = n;
      bestSim = sim;
    }
  }
  return best;
}

/** The new line where the old lines s..e appear word for word (nearest `expected`), or 0. */
function findExact(d: ScriptDiff, s: number, e: number, expected: number): number {
  const wanted = d.oldLines.slice(s - 1, e);
  if (wanted.every((l) => l.trim() === "")) return 0;
  let best = 0;
  for (const n of newLinePositions(d, wanted[0] ?? "")) {
    if (!wanted.every((w, i) => d.newLines[n - 1 + i] === w)) continue;
    if (best === 0 || Math.abs(n - expected) < Math.abs(best - expected)) best = n;
  }
  return best;
}

/** A near match of the quote among windows starting on changed new lines (moved text is there). */
function findNear(d: ScriptDiff, s: number, e: number, quote: string, expected: number): number {
  if (quote.trim() === "" || quote.length > MAX_FUZZY_QUOTE) return 0;
  const size = e - s + 1;
  let best = 0;
  let bestSim = RELOCATED_SIMILARITY;
  let windows = 0;
  for (let n = 1; n + size - 1 <= d.newLines.length && windows < MAX_WINDOWS; n++) {
    if (!d.changed[n - 1] || (d.newLines[n - 1] ?? "").trim() === "") continue;
    const candidate = quoteOf(d.newLines, n, n + size - 1);
    // Every window costs its reading; a computed distance costs the product of the lengths.
    const cost = quote.length + candidate.length;
    const full = quote.length * candidate.length;
    if (cost + full > d.fuzzyBudget) break;
    windows++;
    d.fuzzyBudget -= cost;
    const sim = similarity(quote, candidate, bestSim);
    if (sim > 0) d.fuzzyBudget -= full;
    const closer = Math.abs(n - expected) < Math.abs(best - expected);
    if (sim > bestSim || (sim === bestSim && best > 0 && closer)) {
      best = n;
      bestSim = sim;
    }
  }
  return best;
}

/**
 * The new place of the kept old line closest to s..e, preferring lines with text (a blank line is
 * no landmark) and, at equal distance, the line after (it now stands where the removed lines were).
 */
function nearestSurviving(d: ScriptDiff, s: number, e: number): number {
  const keptAt = (l: number, needText: boolean) => {
    const n = d.kept[l - 1] ?? 0;
    return n > 0 && (!needText || (d.oldLines[l - 1] ?? "").trim() !== "") ? n : 0;
  };
  for (const needText of [true, false]) {
    for (let dist = 1; s - dist >= 1 || e + dist <= d.oldLines.length; dist++) {
      const after = e + dist <= d.oldLines.length ? keptAt(e + dist, needText) : 0;
      if (after) return after;
      const before = s - dist >= 1 ? keptAt(s - dist, needText) : 0;
      if (before) return before;
    }
  }
  return Math.min(Math.max(1, s), Math.max(1, d.newLines.length));
}
