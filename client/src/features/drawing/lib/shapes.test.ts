import { describe, expect, it } from "vitest";
import { extend, isDrawn, MAX_PEN_POINTS, type Shape, toInput, toPlane } from "./shapes";

const box = { left: 100, top: 50, width: 400, height: 200 } as DOMRect;

describe("drawing shapes", () => {
  it("maps a pointer to the 0–1 plane, clamped to the picture", () => {
    expect(toPlane(300, 150, box)).toEqual([0.5, 0.5]);
    expect(toPlane(0, 999, box)).toEqual([0, 1]);
  });

  it("a two-point shape keeps its start and moves its end; a pen grows, skipping tiny moves", () => {
    const arrow: Shape = { tool: "ARROW", color: "#fff", size: 4, points: [0.1, 0.1] };
    expect(extend(extend(arrow, 0.5, 0.5), 0.6, 0.7).points).toEqual([0.1, 0.1, 0.6, 0.7]);
    const pen: Shape = { ...arrow, tool: "PEN" };
    expect(extend(extend(pen, 0.1001, 0.1), 0.2, 0.2).points).toEqual([0.1, 0.1, 0.2, 0.2]);
  });

  it("a pen stops at the server's point limit", () => {
    let pen: Shape = { tool: "PEN", color: "#fff", size: 4, points: [0, 0] };
    for (let i = 1; i <= MAX_PEN_POINTS + 10; i++) pen = extend(pen, (i % 2) * 0.5, i / 5000);
    expect(pen.points.length / 2).toBe(MAX_PEN_POINTS);
  });

  it("a click is not a shape; text needs text", () => {
    expect(isDrawn({ tool: "RECT", color: "#fff", size: 4, points: [0.2, 0.2, 0.2, 0.2] })).toBe(false);
    expect(isDrawn({ tool: "RECT", color: "#fff", size: 4, points: [0.2, 0.2, 0.3, 0.3] })).toBe(true);
    expect(isDrawn({ tool: "TEXT", color: "#fff", size: 4, points: [0.2, 0.2], text: " " })).toBe(false);
  });

  it("sends only the API's fields (no __typename), text only on TEXT", () => {
    const cached = {
      __typename: "DrawingShape",
      tool: "LINE",
      color: "#fff",
      size: 2,
      points: [0, 0, 1, 1],
      text: null,
    } as Shape;
    expect(toInput([cached])).toEqual([{ tool: "LINE", color: "#fff", size: 2, points: [0, 0, 1, 1] }]);
  });
});
