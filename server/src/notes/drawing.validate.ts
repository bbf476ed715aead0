import { AssetKind } from "../assets/asset.enums.js";
import { badInput } from "../errors/app-errors.js";
import { DRAWING_LIMITS, type DrawingDoc, type DrawingShapeDoc, DrawingTool } from "./drawing.model.js";

/** What a client sends (GraphQL has already checked the types; Float excludes NaN and Infinity). */
export interface DrawingInputArgs {
  shapes: readonly {
    tool: DrawingTool;
    color: string;
    size: number;
    points: readonly number[];
    text?: string | null;
  }[];
}

/** Exact point counts per tool, as [min, max] pairs of x,y. */
const POINT_PAIRS: Record<DrawingTool, readonly [number, number]> = {
  PEN: [2, DRAWING_LIMITS.penPoints],
  LINE: [2, 2],
  ARROW: [2, 2],
  RECT: [2, 2],
  ELLIPSE: [2, 2],
  TEXT: [1, 1],
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Checks a drawing against the limits and returns it as stored (colours lower case, text trimmed).
 * Every refusal is BAD_USER_INPUT naming the shape: `drawing.shapes.3.points`.
 */
export function validDrawing(input: DrawingInputArgs): DrawingDoc {
  const { shapes } = input;
  if (shapes.length === 0) throw badInput("A drawing has at least one shape.", { "drawing.shapes": "empty" });
  if (shapes.length > DRAWING_LIMITS.shapes) {
    throw badInput(`A drawing has at most ${DRAWING_LIMITS.shapes} shapes.`, {
      "drawing.shapes": "too many",
    });
  }
  let total = 0;
  const out: DrawingShapeDoc[] = shapes.map((s, i) => {
    const at = `drawing.shapes.${i}`;
    const pairs = s.points.length / 2;
    const [min, max] = POINT_PAIRS[s.tool];
    if (!Number.isInteger(pairs) || pairs < min || pairs > max) {
      const want = min === max ? `${min}` : `${min}–${max}`;
      throw badInput(`A ${s.tool} takes ${want} x,y points.`, { [`${at}.points`]: "wrong count" });
    }
    total += pairs;
    if (s.points.some((p) => !Number.isFinite(p) || p < 0 || p > 1)) {
      throw badInput("Points are on the picture's 0–1 plane.", { [`${at}.points`]: "outside 0–1" });
    }
    if (!HEX.test(s.color)) throw badInput("Colours are #RRGGBB.", { [`${at}.color`]: "not #RRGGBB" });
    if (!Number.isInteger(s.size) || s.size < DRAWING_LIMITS.minSize || s.size > DRAWING_LIMITS.maxSize) {
      throw badInput(`Sizes are ${DRAWING_LIMITS.minSize}–${DRAWING_LIMITS.maxSize}.`, {
        [`${at}.size`]: "out of range",
      });
    }
    return {
      tool: s.tool,
      color: s.color.toLowerCase(),
      size: s.size,
      points: [...s.points],
      text: textOf(s, at),
    };
  });
  if (total > DRAWING_LIMITS.totalPoints) {
    throw badInput(`A drawing has at most ${DRAWING_LIMITS.totalPoints} points.`, {
      "drawing.shapes": "too many points",
    });
  }
  return { shapes: out };
}

function textOf(s: DrawingInputArgs["shapes"][number], at: string): string | null {
  if (s.tool !== DrawingTool.TEXT) {
    if (s.text != null) throw badInput("Only TEXT shapes carry text.", { [`${at}.text`]: "only for TEXT" });
    return null;
  }
  const text = (s.text ?? "").trim();
  if (!text || text.length > DRAWING_LIMITS.textLength || /\p{Cc}/u.test(text)) {
    throw badInput(`Text is 1–${DRAWING_LIMITS.textLength} characters on one line.`, {
      [`${at}.text`]: "empty, too long or not one line",
    });
  }
  return text;
}

/** Drawings belong to the frames of a cut: script notes keep line anchors, mix notes have no picture. */
export function assertDrawable(kind: AssetKind): void {
  if (kind !== AssetKind.CUT) {
    throw badInput("Only notes on a cut can carry a drawing.", { drawing: "only for CUT versions" });
  }
}
