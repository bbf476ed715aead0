import { describe, expect, it } from "vitest";
import { VersionStatus } from "./version.enums.js";
import {
  acceptsNotes,
  assertAcceptsNotes,
  statusesAllowing,
  VERSION_LIFECYCLE,
} from "./version.lifecycle.js";

describe("version life cycle", () => {
  it("names the statuses each action may start from", () => {
    expect(statusesAllowing("submit").sort()).toEqual(
      [VersionStatus.CHANGES_REQUESTED, VersionStatus.DRAFT].sort(),
    );
    expect(statusesAllowing("review")).toEqual([VersionStatus.IN_REVIEW]);
    expect(statusesAllowing("lock")).toEqual([VersionStatus.APPROVED]);
  });

  it("has a row for every status, and only a locked version refuses notes", () => {
    expect(Object.keys(VERSION_LIFECYCLE).sort()).toEqual(Object.values(VersionStatus).sort());
    const refusing = Object.values(VersionStatus).filter((s) => !acceptsNotes(s));
    expect(refusing).toEqual([VersionStatus.LOCKED]);
  });

  it("a locked version is final: nothing leaves LOCKED", () => {
    const rules = VERSION_LIFECYCLE[VersionStatus.LOCKED];
    expect([rules.submit, rules.review, rules.lock]).toEqual([false, false, false]);
  });

  it("refuses a note on a locked version with CONFLICT", () => {
    expect(() => assertAcceptsNotes({ status: VersionStatus.LOCKED })).toThrow(
      expect.objectContaining({ code: "CONFLICT" }),
    );
    expect(() => assertAcceptsNotes({ status: VersionStatus.APPROVED })).not.toThrow();
  });
});
