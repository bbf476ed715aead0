import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { timeNoteSubmitter, useTimeAnchor } from "./useTimeAnchor";

const label = (f: number) => `F${f}`;

describe("useTimeAnchor", () => {
  it("is the playhead without marks, and the marked range (open side to the playhead) with them", () => {
    const at = renderHook(() => useTimeAnchor({ in: null, out: null }, 42, label)).result.current;
    expect([at.startFrame, at.endFrame, at.label]).toEqual([42, 42, "F42"]);
    const range = renderHook(() => useTimeAnchor({ in: 10, out: null }, 30, label)).result.current;
    expect([range.startFrame, range.endFrame, range.label]).toEqual([10, 30, "F10 – F30"]);
    const swapped = renderHook(() => useTimeAnchor({ in: 50, out: 20 }, 0, label)).result.current;
    expect([swapped.startFrame, swapped.endFrame]).toEqual([20, 50]);
  });

  // `as never`: the submitter only calls addNote, so a whole room is not built for it.
  it("submits a note at the anchor, on the stem when given, then runs `after`", async () => {
    const anchor = renderHook(() => useTimeAnchor({ in: 5, out: 9 }, 0, label)).result.current;
    const addNote = vi.fn(() => Promise.resolve({ data: undefined }));
    const after = vi.fn();
    await timeNoteSubmitter({ addNote } as never, anchor, null, after)("Cut here", "PACING", "ed");
    expect(addNote).toHaveBeenCalledWith(
      { body: "Cut here", category: "PACING", assigneeId: "ed", time: { startFrame: 5, endFrame: 9 } },
      expect.objectContaining({ startTimecode: "F5", endTimecode: "F9", stem: null }),
    );
    await timeNoteSubmitter({ addNote } as never, anchor, "MUSIC", after)("Louder", null, null);
    expect(addNote).toHaveBeenLastCalledWith(
      expect.objectContaining({ time: { startFrame: 5, endFrame: 9, stem: "MUSIC" } }),
      expect.objectContaining({ stem: "MUSIC" }),
    );
    expect(after).toHaveBeenCalledTimes(2);
  });
});
