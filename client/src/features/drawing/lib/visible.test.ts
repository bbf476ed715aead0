import { describe, expect, it } from "vitest";
import { drawingsAt } from "./visible";

const shape = {
  __typename: "DrawingShape" as const,
  tool: "RECT" as const,
  color: "#fff",
  size: 2,
  points: [0, 0, 1, 1],
  text: null,
};
const note = (id: string, startFrame: number, endFrame: number, drawn = true) => ({
  __typename: "Note" as const,
  id,
  deletedAt: null,
  anchor: {
    __typename: "TimeAnchor" as const,
    startFrame,
    endFrame,
    startTimecode: "",
    endTimecode: "",
    stem: null,
  },
  drawing: drawn ? { __typename: "Drawing" as const, shapes: [shape] } : null,
});

describe("drawingsAt", () => {
  const notes = [note("a", 10, 10), note("b", 20, 30), note("c", 10, 10, false)];
  it("shows a point note on its frame only and a range note across its range", () => {
    expect(drawingsAt(notes, 10, null).noteIds).toEqual(["a"]);
    expect(drawingsAt(notes, 11, null).noteIds).toEqual([]);
    expect(drawingsAt(notes, 30, null).noteIds).toEqual(["b"]);
  });
  it("shows the selected note's drawing anywhere", () => {
    expect(drawingsAt(notes, 0, "b").noteIds).toEqual(["b"]);
  });
});
