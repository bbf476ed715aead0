import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { DrawingTool } from "./drawing.enums.js";
import type { DrawingDoc, DrawingShapeDoc } from "./drawing.model.js";

@ObjectType({ description: "One shape of a drawing, on the picture's 0–1 plane (origin top left)." })
export class DrawingShape {
  @Field(() => DrawingTool, { description: "The tool the shape was drawn with." }) tool!: DrawingTool;
  @Field(() => String, { description: "#rrggbb" }) color!: string;
  @Field(() => Int, { description: "Stroke width (TEXT: font size) in pixels of a 1080-line picture." })
  size!: number;
  @Field(() => [Float], {
    description:
      "x,y pairs: LINE and ARROW tail then head, RECT and ELLIPSE opposite corners, TEXT its top left, PEN the stroke.",
  })
  points!: number[];
  @Field(() => String, { nullable: true, description: "TEXT only." }) text!: string | null;
}

@ObjectType({ description: "A note's drawing on its first frame; resolution independent." })
export class Drawing {
  @Field(() => [DrawingShape], { description: "The shapes, in drawing order." }) shapes!: DrawingShape[];
  @Field(() => String, {
    description:
      "The same shapes as Frame.io annotation JSON (schema/README.md, Drawings), for tools that convert.",
  })
  frameioJson!: string;
}

@InputType({ description: "One shape: same fields and rules as DrawingShape." })
export class DrawingShapeInput {
  @Field(() => DrawingTool, { description: "The tool." }) tool!: DrawingTool;
  @Field(() => String, { description: "#rrggbb." }) color!: string;
  @Field(() => Int, { description: "Stroke width (TEXT: font size) in pixels of a 1080-line picture." })
  size!: number;
  @Field(() => [Float], { description: "x, y pairs on the 0-1 plane, as DrawingShape.points." })
  points!: number[];
  @Field(() => String, { description: "TEXT only: the text.", nullable: true }) text?: string | null;
}

@InputType({ description: "1–100 shapes, 10,000 points in all; CUT notes only." })
export class DrawingInput {
  @Field(() => [DrawingShapeInput], { description: "The shapes, in drawing order." })
  shapes!: DrawingShapeInput[];
}

export function toDrawing(doc: DrawingDoc): Drawing {
  const shapes = doc.shapes.map((s) => Object.assign(new DrawingShape(), { ...s, text: s.text ?? null }));
  return Object.assign(new Drawing(), { shapes, frameioJson: JSON.stringify(doc.shapes.map(toFrameio)) });
}

const r = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Frame.io's annotation objects: `tool`, `color`, `size`; a line by x1,y1,x2,y2; an arrow and a rect
 * by x,y,w,h (a rect from its top-left corner). Ellipse, text and pen follow the same plane.
 */
export function toFrameio(s: DrawingShapeDoc): Record<string, unknown> {
  const base = { tool: s.tool.toLowerCase(), color: s.color, size: s.size };
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = s.points;
  switch (s.tool) {
    case DrawingTool.LINE:
      return { ...base, x1: r(x1), y1: r(y1), x2: r(x2), y2: r(y2) };
    case DrawingTool.ARROW:
      return { ...base, x: r(x1), y: r(y1), w: r(x2 - x1), h: r(y2 - y1) };
    case DrawingTool.RECT:
    case DrawingTool.ELLIPSE:
      return {
        ...base,
        x: r(Math.min(x1, x2)),
        y: r(Math.min(y1, y2)),
        w: r(Math.abs(x2 - x1)),
        h: r(Math.abs(y2 - y1)),
        ix: r(x1),
        iy: r(y1),
      };
    case DrawingTool.TEXT:
      return { ...base, x: r(x1), y: r(y1), text: s.text ?? "" };
    case DrawingTool.PEN: {
      const points: { x: number; y: number }[] = [];
      for (let i = 0; i + 1 < s.points.length; i += 2)
        points.push({ x: r(s.points[i] ?? 0), y: r(s.points[i + 1] ?? 0) });
      return { ...base, points };
    }
  }
}
