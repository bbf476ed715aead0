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

registerEnumType(DrawingTool, {
  name: "DrawingTool",
  description: 'The tool of one drawing shape on a cut\'s frame (schema/README.md "Drawings").',
  valuesConfig: {
    PEN: { description: "Free-hand stroke through all its points." },
    LINE: { description: "A straight line from the first point to the second." },
    ARROW: { description: "A line from the first point with an arrow head at the second." },
    RECT: { description: "A rectangle with the two points as opposite corners." },
    ELLIPSE: { description: "An ellipse inscribed in the rectangle of the two points." },
    TEXT: { description: "Text placed at the first point." },
  },
});
