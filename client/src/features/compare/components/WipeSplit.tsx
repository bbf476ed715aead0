import { type PointerEvent, useRef } from "react";

interface Props {
  /** Where the split is, 0–1 of the width: left of it is A, right of it B. */
  split: number;
  onChange: (split: number) => void;
}

/** The wipe's handle: drag it (or use the arrow keys on it) to move the split. */
export function WipeSplit({ split, onChange }: Props) {
  const dragging = useRef(false);
  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box) onChange(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
  };
  return (
    <div
      className="wipe-handle"
      style={{ left: `${split * 100}%` }}
      role="slider"
      tabIndex={0}
      aria-label="Wipe split"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(split * 100)}
      data-testid="wipe-handle"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => dragging.current && moveTo(e)}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onKeyDown={(e) => {
        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
        e.preventDefault();
        e.stopPropagation();
        onChange(Math.min(1, Math.max(0, split + (e.key === "ArrowLeft" ? -0.05 : 0.05))));
      }}
    />
  );
}
