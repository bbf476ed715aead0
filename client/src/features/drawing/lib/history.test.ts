import { describe, expect, it } from "vitest";
import { historyReducer, initialHistory } from "./history";
import type { Shape } from "./shapes";

const shape = (x: number): Shape => ({ tool: "LINE", color: "#ffffff", size: 4, points: [x, x, 1, 1] });

describe("drawing history", () => {
  it("undoes and redoes adds, and a new shape drops the redo list", () => {
    let h = initialHistory();
    h = historyReducer(h, { type: "add", shape: shape(0.1) });
    h = historyReducer(h, { type: "add", shape: shape(0.2) });
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toEqual([shape(0.1)]);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toEqual([shape(0.1), shape(0.2)]);
    h = historyReducer(h, { type: "undo" });
    h = historyReducer(h, { type: "add", shape: shape(0.3) });
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: "redo" })).toBe(h);
  });

  it("clear is one undoable step; undo past the start does nothing", () => {
    let h = historyReducer(initialHistory([shape(0.1)]), { type: "add", shape: shape(0.2) });
    h = historyReducer(h, { type: "clear" });
    expect(h.present).toEqual([]);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toHaveLength(2);
    h = historyReducer(historyReducer(h, { type: "undo" }), { type: "undo" });
    expect(h.present).toEqual([shape(0.1)]);
  });
});
