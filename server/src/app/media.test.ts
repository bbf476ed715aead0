import { describe, expect, it } from "vitest";
import { parseRange } from "./media.js";
import { safeJoin } from "./static.js";

describe("parseRange", () => {
  it("reads start-end, open-ended and suffix ranges", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-2000", 1000)).toEqual({ start: 990, end: 999 });
  });

  it("ignores what it cannot read and flags what cannot be served", () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange("items=0-1", 1000)).toBeNull();
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=5-1", 1000)).toBe("unsatisfiable");
  });
});

describe("safeJoin", () => {
  it("keeps paths inside the root", () => {
    expect(safeJoin("/srv/media", "a/b.mp4")).toBe("/srv/media/a/b.mp4");
    expect(safeJoin("/srv/media", "../etc/passwd")).toBe("/srv/media/etc/passwd");
    expect(safeJoin("/srv/media", "%2e%2e/%2e%2e/etc/passwd")).toBe("/srv/media/etc/passwd");
    expect(safeJoin("/srv/media", "%E0%A4%A")).toBeNull();
  });
});
