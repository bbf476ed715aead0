/** Where a compare view opens: both versions, the view and the record position (A's timecode). */
export interface CompareTarget {
  a: string;
  b: string;
  view?: CompareView;
  t?: string | null;
}
export type CompareView = "side" | "wipe";

export function compareLink({ a, b, view, t }: CompareTarget): string {
  const q = new URLSearchParams({ a, b });
  if (view && view !== "side") q.set("view", view);
  if (t) q.set("t", t);
  return `/compare?${q.toString()}`;
}

export function readCompareTarget(search: string): CompareTarget | null {
  const q = new URLSearchParams(search);
  const a = q.get("a");
  const b = q.get("b");
  if (!a || !b) return null;
  return { a, b, view: q.get("view") === "wipe" ? "wipe" : "side", t: q.get("t") };
}

/** The other version to compare this one with: the one before it, or for the first the next one. */
export function compareWith(
  current: { id: string; number: number },
  versions: readonly { id: string; number: number }[],
): string | null {
  const sorted = [...versions].sort((x, y) => x.number - y.number);
  const i = sorted.findIndex((v) => v.id === current.id);
  return (sorted[i - 1] ?? sorted[i + 1])?.id ?? null;
}
