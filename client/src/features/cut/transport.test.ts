import { describe, expect, it } from "vitest";
import { clampFrame, initialShuttle, type ShuttleState, shuttle } from "./transport";

function press(keys: Array<"j" | "k" | "l" | "k-up">, from: ShuttleState = initialShuttle) {
  let state = from;
  const actions = keys.map((k) => {
    const r = shuttle(state, k);
    state = r.state;
    return r.action;
  });
  return { state, actions };
}

describe("J/K/L shuttle", () => {
  it("L plays forward and doubles speed up to 8x on repeated presses", () => {
    const { actions } = press(["l", "l", "l", "l", "l"]);
    expect(actions.map((a) => (a.type === "play" ? a.speed : null))).toEqual([1, 2, 4, 8, 8]);
  });

  it("J plays backwards, and switching direction restarts at 1x", () => {
    const { actions } = press(["l", "l", "j", "j"]);
    expect(actions.map((a) => (a.type === "play" ? a.speed : null))).toEqual([1, 2, -1, -2]);
  });

  it("K pauses; K held with J/L steps single frames", () => {
    const { actions, state } = press(["l", "k", "l", "j", "l"]);
    expect(actions.slice(1)).toEqual([
      { type: "pause" },
      { type: "step", frames: 1 },
      { type: "step", frames: -1 },
      { type: "step", frames: 1 },
    ]);
    expect(state.speed).toBe(0);
  });

  it("releasing K makes L play again", () => {
    const { actions } = press(["k", "k-up", "l"]);
    expect(actions[2]).toEqual({ type: "play", speed: 1 });
  });
});

describe("clampFrame", () => {
  it("keeps frames inside the media", () => {
    expect(clampFrame(-3, 100)).toBe(0);
    expect(clampFrame(150, 100)).toBe(99);
    expect(clampFrame(42, null)).toBe(42);
  });
});
