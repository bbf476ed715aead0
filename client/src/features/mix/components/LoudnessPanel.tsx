import type { RoomVersion } from "../../versions/hooks/useVersionRoom";

/** Streaming delivery spec (Netflix): −27 LKFS ±2 LU dialogue-gated, true peak ≤ −2 dBTP. */
export const LOUDNESS_TARGET = { integrated: -27, tolerance: 2, truePeakMax: -2 } as const;

export function loudnessVerdict(lkfs: number | null | undefined, peak: number | null | undefined) {
  const loud =
    lkfs == null
      ? null
      : Math.abs(lkfs - LOUDNESS_TARGET.integrated) <= LOUDNESS_TARGET.tolerance
        ? "ok"
        : lkfs > LOUDNESS_TARGET.integrated
          ? "hot"
          : "quiet";
  const peakOk = peak == null ? null : peak <= LOUDNESS_TARGET.truePeakMax;
  return { loud, peakOk };
}

const fmt = (n: number | null | undefined, unit: string) => (n == null ? "—" : `${n.toFixed(1)} ${unit}`);

export function LoudnessPanel({ loudness }: { loudness: RoomVersion["loudness"] }) {
  const v = loudnessVerdict(loudness?.integratedLkfs, loudness?.truePeakDbtp);
  const delta =
    loudness?.integratedLkfs != null ? loudness.integratedLkfs - LOUDNESS_TARGET.integrated : null;
  return (
    <dl className="loudness" aria-label="Loudness" data-testid="loudness">
      <div data-verdict={v.loud ?? "unknown"}>
        <dt>Integrated</dt>
        <dd className="mono">{fmt(loudness?.integratedLkfs, "LKFS")}</dd>
        <dd className="small">
          {v.loud === "ok"
            ? "Within −27 ±2"
            : v.loud === null
              ? "Not measured"
              : `${delta != null && delta > 0 ? "+" : ""}${delta?.toFixed(1)} LU vs −27 — ${v.loud === "hot" ? "too loud" : "too quiet"}`}
        </dd>
      </div>
      <div data-verdict={v.peakOk === null ? "unknown" : v.peakOk ? "ok" : "hot"}>
        <dt>True peak</dt>
        <dd className="mono">{fmt(loudness?.truePeakDbtp, "dBTP")}</dd>
        <dd className="small">
          {v.peakOk === null ? "Not measured" : v.peakOk ? "≤ −2 dBTP" : "Over −2 dBTP"}
        </dd>
      </div>
      <div>
        <dt>Range</dt>
        <dd className="mono">{fmt(loudness?.loudnessRange, "LU")}</dd>
      </div>
    </dl>
  );
}
