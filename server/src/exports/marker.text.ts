import { oneLine } from "./text.js";
import type { MarkerNote } from "./marker.types.js";

/** Stem names as sound editors write them (domain.md "Sound"). */
const STEM_LABEL: Record<NonNullable<MarkerNote["stem"]>, string> = {
  FULL_MIX: "MIX",
  DIALOGUE: "DX",
  MUSIC: "MX",
  EFFECTS: "FX",
};

/** "#3 PACING DX (Rafael Ortiz)": index, category, stem, author; one line. */
export function markerName(n: MarkerNote): string {
  const parts = [`#${n.index}`];
  if (n.category) parts.push(n.category);
  if (n.stem) parts.push(STEM_LABEL[n.stem]);
  parts.push(`(${oneLine(n.author)})`);
  return parts.join(" ");
}

/** "[OPEN] [DX] author: body", then each reply; the pieces joined by `lineBreak`. */
export function markerLines(n: MarkerNote): string[] {
  const stem = n.stem ? ` [${STEM_LABEL[n.stem]}]` : "";
  const drawing = n.drawingShapes > 0 ? " [DRAWING]" : "";
  return [
    `[${n.status.replace("_", " ")}]${stem}${drawing} ${n.author}: ${n.body}`,
    ...n.replies.map((r) => `> ${r.author}: ${r.body}`),
  ];
}

/** The whole thread on one line; line breaks inside a body become " / ". */
export function markerText(n: MarkerNote): string {
  return markerLines(n)
    .map((l) => oneLine(l))
    .join(" // ");
}

export const stemLabel = (stem: MarkerNote["stem"]): string | null => (stem ? STEM_LABEL[stem] : null);
