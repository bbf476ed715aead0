import { registerEnumType } from "type-graphql";

/**
 * The tools of a drawing on a cut's frame. LINE, ARROW and RECT are Frame.io's three shapes, PEN is
 * its free-hand; ELLIPSE and TEXT are ours (schema/README.md "Drawings" gives the conversion).
 */
export enum DrawingTool {
  PEN = "PEN",
  LINE = "LINE",
  ARROW = "ARROW",
  RECT = "RECT",
  ELLIPSE = "ELLIPSE",
  TEXT = "TEXT",
}

registerEnumType(DrawingTool, { name: "DrawingTool" });
