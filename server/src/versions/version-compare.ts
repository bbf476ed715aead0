import { sameClock } from "@greenlight/common/align";
import { splitLines } from "@greenlight/common/lines";
import { rateLabel } from "@greenlight/common/timecode";
import { diffArrays } from "diff";
import { AssetKind } from "../assets/asset.enums.js";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { MAX_EDIT_LENGTH } from "./script-diff.js";
import { CompareLine, CompareLineKind, VersionComparison } from "./version-compare.type.js";
import { requireVersion } from "./version.service.js";
import { timingOf, toVersion } from "./version.type.js";
import type { VersionDoc } from "./version.model.js";

/** Two different versions of the same asset, for any member; else NOT_FOUND or BAD_USER_INPUT. */
export async function compareVersions(ctx: Context, aId: string, bId: string): Promise<VersionComparison> {
  const [{ version: a }, { version: b }] = await Promise.all([
    requireVersion(ctx, aId),
    requireVersion(ctx, bId),
  ]);
  if (String(a._id) === String(b._id)) throw badInput("Compare two different versions.", { b: "same as a" });
  if (String(a.assetId) !== String(b.assetId)) {
    throw badInput("Compare versions of the same cut, mix or script.", { b: "another asset" });
  }
  const script = a.kind === AssetKind.SCRIPT;
  const diff = script ? lineDiff(a.text ?? "", b.text ?? "") : null;
  return Object.assign(new VersionComparison(), {
    kind: a.kind,
    a: toVersion(a),
    b: toVersion(b),
    alignment: script ? null : alignmentOf(a, b),
    lines: diff?.lines ?? null,
    diffed: diff?.diffed ?? true,
  });
}

function alignmentOf(a: VersionDoc, b: VersionDoc) {
  const ta = timingOf(a);
  const tb = timingOf(b);
  const same = sameClock(
    { rate: ta.rate, startTimecode: ta.start },
    { rate: tb.rate, startTimecode: tb.start },
  );
  const clock = (n: number, t: typeof ta) => `v${n} ${rateLabel(t.rate)} from ${t.start}`;
  return {
    sameClock: same,
    summary: same
      ? `Frame-locked: both at ${rateLabel(ta.rate)} from ${ta.start}.`
      : `Aligned by timecode: ${clock(a.number, ta)}, ${clock(b.number, tb)}.`,
  };
}

/** jsdiff's Myers diff on whole lines, bounded like the note carry (script-diff.ts). */
function lineDiff(aText: string, bText: string): { lines: CompareLine[]; diffed: boolean } {
  const aLines = splitLines(aText);
  const bLines = splitLines(bText);
  const line = (kind: CompareLineKind, aLine: number | null, bLine: number | null, text: string) =>
    Object.assign(new CompareLine(), { kind, aLine, bLine, text });
  const changes = diffArrays(aLines, bLines, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return {
      diffed: false,
      lines: [
        ...aLines.map((t, i) => line(CompareLineKind.REMOVED, i + 1, null, t)),
        ...bLines.map((t, i) => line(CompareLineKind.ADDED, null, i + 1, t)),
      ],
    };
  }
  const lines: CompareLine[] = [];
  let ai = 0;
  let bi = 0;
  for (const c of changes) {
    for (const text of c.value) {
      if (c.removed) lines.push(line(CompareLineKind.REMOVED, ++ai, null, text));
      else if (c.added) lines.push(line(CompareLineKind.ADDED, null, ++bi, text));
      else lines.push(line(CompareLineKind.SAME, ++ai, ++bi, text));
    }
  }
  return { lines, diffed: true };
}
