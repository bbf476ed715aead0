import { POINTS, type Peaks, readPeaks, writePeaks } from "./peaksCache";

const inFlight = new Map<string, Promise<Peaks | null>>();

/** The largest magnitude in each of `points` equal slices of the first channel. */
export function peaksOf(samples: Float32Array, points: number): number[] {
  const n = Math.max(1, Math.min(points, samples.length));
  const out = new Array<number>(n).fill(0);
  const per = samples.length / n;
  for (let i = 0; i < n; i++) {
    let max = 0;
    const end = Math.min(samples.length, Math.floor((i + 1) * per));
    for (let j = Math.floor(i * per); j < end; j++) {
      const v = Math.abs(samples[j] ?? 0);
      if (v > max) max = v;
    }
    out[i] = max;
  }
  return out;
}

/**
 * A stem's peaks: from the cache, or decoded once (one fetch per file even when several lanes ask at
 * once) and cached for every later visit. Null when the file cannot be fetched or decoded.
 */
export function stemPeaks(url: string): Promise<Peaks | null> {
  const cached = readPeaks(url);
  if (cached) return Promise.resolve(cached);
  const running = inFlight.get(url);
  if (running) return running;
  const work = (async () => {
    try {
      const res = await fetch(url);
      if (!res.ok) return null;
      const audio = await new OfflineAudioContext(1, 1, 44_100).decodeAudioData(await res.arrayBuffer());
      const peaks: Peaks = { channels: [peaksOf(audio.getChannelData(0), POINTS)], duration: audio.duration };
      writePeaks(url, peaks);
      return peaks;
    } catch {
      return null;
    } finally {
      inFlight.delete(url);
    }
  })();
  inFlight.set(url, work);
  return work;
}
