import type { DrawingShapeInput, DrawingTool } from "../../../gql/graphql";

/** A shape on the picture's 0–1 plane; the server's `DrawingShapeInput` (schema/README.md, Drawings). */
export type Shape = Pick<DrawingShapeInput, "tool" | "color" | "size" | "points"> & { text?: string | null };

export const TOOLS: readonly { tool: DrawingTool; label: string; key: string }[] = [
  { tool: "PEN", label: "Pen", key: "p" },
  { tool: "LINE", label: "Line", key: "l" },
  { tool: "ARROW", label: "Arrow", key: "a" },
  { tool: "RECT", label: "Rectangle", key: "r" },
  { tool: "ELLIPSE", label: "Ellipse", key: "e" },
  { tool: "TEXT", label: "Text", key: "t" },
];

/** Colours a review session marks up with: high contrast on picture, distinct from one another. */
export const COLOURS: readonly { color: string; name: string }[] = [
  { color: "#e74c3c", name: "Red" },
  { color: "#f1c40f", name: "Yellow" },
  { color: "#2ecc71", name: "Green" },
  { color: "#3498db", name: "Blue" },
  { color: "#ff00ff", name: "Magenta" },
  { color: "#ffffff", name: "White" },
];

/** Stroke widths in pixels of a 1080-line picture (the server's `size`). */
export const WIDTHS: readonly number[] = [2, 4, 8];
export const TEXT_SIZE = 28;

/** The server's limits (drawing.model.ts); the editor stops a pen stroke before them. */
export const MAX_SHAPES = 100;
export const MAX_PEN_POINTS = 2_000;

export const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** A pointer position on an element's box, as 0–1 of the picture (rounded to 1/10,000). */
export function toPlane(clientX: number, clientY: number, box: DOMRect): [number, number] {
  return [round(clamp01((clientX - box.left) / box.width)), round(clamp01((clientY - box.top) / box.height))];
}

/** A two-point shape's current end, or a pen stroke extended (points closer than 0.002 are dropped). */
export function extend(shape: Shape, x: number, y: number): Shape {
  if (shape.tool !== "PEN") return { ...shape, points: [shape.points[0] ?? x, shape.points[1] ?? y, x, y] };
  const n = shape.points.length;
  const dx = x - (shape.points[n - 2] ?? 0);
  const dy = y - (shape.points[n - 1] ?? 0);
  if (dx * dx + dy * dy < 0.002 ** 2 || n / 2 >= MAX_PEN_POINTS) return shape;
  return { ...shape, points: [...shape.points, x, y] };
}

/** A shape worth keeping: not a click without a drag (a pen needs two points, a box some size). */
export function isDrawn(shape: Shape): boolean {
  if (shape.tool === "TEXT") return Boolean(shape.text?.trim());
  if (shape.points.length < 4) return false;
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = shape.points;
  return shape.tool === "PEN" || Math.abs(x2 - x1) + Math.abs(y2 - y1) > 0.004;
}

/** Only the fields the API takes (the cache's copies carry __typename). */
export function toInput(shapes: readonly Shape[]): DrawingShapeInput[] {
  return shapes.map((s) => ({
    tool: s.tool,
    color: s.color,
    size: s.size,
    points: [...s.points],
    ...(s.tool === "TEXT" ? { text: s.text ?? "" } : {}),
  }));
}
