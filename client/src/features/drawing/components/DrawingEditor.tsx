import { type PointerEvent, useMemo, useRef, useState } from "react";
import type { DrawingDraft } from "../hooks/useDrawingDraft";
import type { PictureRect } from "../hooks/usePictureRect";
import { extend, isDrawn, MAX_SHAPES, type Shape, TEXT_SIZE, toPlane } from "../lib/shapes";
import { useCanvasPaint } from "./DrawingOverlay";

interface Props {
  rect: PictureRect;
  draft: DrawingDraft;
}

/** The drawing surface over the paused picture: drag to draw with the current tool; TEXT places a box. */
export function DrawingEditor({ rect, draft }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [live, setLive] = useState<Shape | null>(null);
  const [textAt, setTextAt] = useState<[number, number] | null>(null);
  const shapes = useMemo(
    () => (live ? [...draft.history.present, live] : draft.history.present),
    [draft.history.present, live],
  );
  useCanvasPaint(ref, rect, shapes);
  const full = draft.history.present.length >= MAX_SHAPES;

  const at = (e: PointerEvent) => toPlane(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect());
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (full || e.button !== 0) return;
    const [x, y] = at(e);
    if (draft.tool === "TEXT") return setTextAt([x, y]);
    e.currentTarget.setPointerCapture(e.pointerId);
    setLive({ tool: draft.tool, color: draft.color, size: draft.size, points: [x, y] });
  };
  const move = (e: PointerEvent) => {
    if (!live) return;
    const [x, y] = at(e);
    setLive(extend(live, x, y));
  };
  const up = () => {
    if (live && isDrawn(live)) draft.dispatch({ type: "add", shape: live });
    setLive(null);
  };
  const placeText = (text: string) => {
    const shape: Shape = {
      tool: "TEXT",
      color: draft.color,
      size: TEXT_SIZE,
      points: textAt ?? [0, 0],
      text,
    };
    if (isDrawn(shape)) draft.dispatch({ type: "add", shape });
    setTextAt(null);
  };

  return (
    <>
      <canvas
        ref={ref}
        className="drawing-layer editing"
        style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
        data-testid="drawing-editor"
        data-shapes={draft.history.present.length}
        data-tool={draft.tool}
        aria-label={`Drawing surface, ${draft.tool.toLowerCase()} tool`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={() => setLive(null)}
      />
      {textAt ? (
        <input
          // biome-ignore lint/a11y/noAutofocus: the box appears where the user just clicked to type
          autoFocus
          className="drawing-text-input"
          aria-label="Text on the picture"
          maxLength={200}
          style={{
            left: rect.left + textAt[0] * rect.width,
            top: rect.top + textAt[1] * rect.height,
            color: draft.color,
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") placeText(e.currentTarget.value);
            if (e.key === "Escape") setTextAt(null);
            e.stopPropagation();
          }}
          onBlur={(e) => placeText(e.currentTarget.value)}
        />
      ) : null}
    </>
  );
}
