/**
 * A cuts-only CMX3600 EDL (one video track, no transitions) from rows of source and record
 * timecodes: how the demo seed and the conform tests write their edits. Real edits come from an
 * NLE and are read by edl.reader.ts; this writes just the subset it reads back exactly.
 */
export type EdlRow = [
  reel: string,
  srcIn: string,
  srcOut: string,
  recIn: string,
  recOut: string,
  clip: string,
];

export function cutsOnlyEdl(title: string, rows: readonly EdlRow[], fcm = "NON-DROP FRAME"): string {
  return [
    `TITLE: ${title}`,
    `FCM: ${fcm}`,
    ...rows.flatMap(([reel, si, so, ri, ro, clip], i) => [
      `${String(i + 1).padStart(3, "0")}  ${reel.padEnd(8)} V     C        ${si} ${so} ${ri} ${ro}`,
      `* FROM CLIP NAME: ${clip}`,
    ]),
    "",
  ].join("\n");
}
