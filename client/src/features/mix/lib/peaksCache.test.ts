import { beforeEach, describe, expect, it } from "vitest";
import { MAX_ENTRIES, POINTS, readPeaks, writePeaks } from "./peaksCache";

beforeEach(() => localStorage.clear());

describe("peaks cache", () => {
  it("round-trips a file's peaks, rounded and capped in length", () => {
    const long = Array.from({ length: POINTS + 50 }, (_, i) => Math.sin(i) * 0.123456);
    writePeaks("/media/a.wav", { channels: [long], duration: 45.5 });
    const back = readPeaks("/media/a.wav");
    expect(back?.duration).toBe(45.5);
    expect(back?.channels[0]).toHaveLength(POINTS);
    expect(back?.channels[0]?.[1]).toBe(Math.round(Math.sin(1) * 0.123456 * 1000) / 1000);
    expect(readPeaks("/media/other.wav")).toBeNull();
  });

  it("keeps at most MAX_ENTRIES files, dropping the oldest", () => {
    for (let i = 0; i <= MAX_ENTRIES; i++) writePeaks(`/m/${i}.wav`, { channels: [[0.5]], duration: 1 });
    expect(readPeaks("/m/0.wav")).toBeNull();
    expect(readPeaks("/m/1.wav")).not.toBeNull();
    expect(readPeaks(`/m/${MAX_ENTRIES}.wav`)).not.toBeNull();
  });

  it("ignores what is not a valid entry", () => {
    localStorage.setItem("greenlight.peaks.v1:/m/x.wav", '{"duration":"long","channels":[]}');
    localStorage.setItem("greenlight.peaks.v1:/m/y.wav", "not json");
    expect(readPeaks("/m/x.wav")).toBeNull();
    expect(readPeaks("/m/y.wav")).toBeNull();
  });
});
