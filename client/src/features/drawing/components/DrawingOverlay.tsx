import { useEffect, useRef } from "react";
import type { PictureRect } from "../hooks/usePictureRect";
import { paintShapes } from "../lib/paint";
import type { Shape } from "../lib/shapes";

interface Props {
  rect: PictureRect;
  shapes: readonly Shape[];
  /** Which notes' drawings are shown, for tests and assistive text. */
  noteIds?: readonly string[];
}

/** Drawings painted over the picture (never catches the pointer; the picture stays clickable). */
export function DrawingOverlay({ rect, shapes, noteIds = [] }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useCanvasPaint(ref, rect, shapes);
  return (
    <canvas
      ref={ref}
      className="drawing-layer"
      style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
      data-testid="drawing-overlay"
      data-shapes={shapes.length}
      data-notes={noteIds.join(" ")}
      data-tools={shapes.map((s) => s.tool).join(" ")}
      aria-label={`${shapes.length} drawn shapes`}
      role="img"
    />
  );
}

/** Sizes the canvas to the picture at the screen's pixel ratio and repaints when the shapes change. */
export function useCanvasPaint(
  ref: React.RefObject<HTMLCanvasElement | null>,
  rect: PictureRect,
  shapes: readonly Shape[],
) {
  useEffect(() => {
    const canvas = ref.current;
    const g = canvas?.getContext("2d");
    if (!canvas || !g) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * dpr);
    canvas.height = Math.round(rect.height * dpr);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, rect.width, rect.height);
    paintShapes(g, shapes, rect.width, rect.height);
  }, [ref, rect, shapes]);
}
