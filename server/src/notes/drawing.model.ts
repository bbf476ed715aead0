import { Schema } from "mongoose";
import { DrawingTool } from "./drawing.enums.js";

export { DrawingTool };

/** Bounds the server enforces (BAD_USER_INPUT beyond them), so a drawing's size is bounded. */
export const DRAWING_LIMITS = {
  shapes: 100,
  penPoints: 2_000,
  totalPoints: 10_000,
  textLength: 200,
  minSize: 1,
  maxSize: 32,
} as const;

/**
 * One shape. `points` are x,y pairs on the picture's 0–1 plane (origin top left): two for LINE,
 * ARROW (tail, head), RECT and ELLIPSE (opposite corners), one for TEXT (its top left), 2..2000 for
 * PEN. `size` is the stroke width (TEXT: the font size) in pixels of a 1080-line picture, scaled with it.
 */
export interface DrawingShapeDoc {
  tool: DrawingTool;
  color: string;
  size: number;
  points: number[];
  text: string | null;
}

export interface DrawingDoc {
  shapes: DrawingShapeDoc[];
}

const shapeSchema = new Schema<DrawingShapeDoc>(
  {
    tool: { type: String, enum: Object.values(DrawingTool), required: true },
    color: { type: String, required: true },
    size: { type: Number, required: true },
    points: { type: [Number], required: true },
    text: { type: String, default: null },
  },
  { _id: false },
);

export const drawingSchema = new Schema<DrawingDoc>(
  { shapes: { type: [shapeSchema], required: true } },
  { _id: false },
);
