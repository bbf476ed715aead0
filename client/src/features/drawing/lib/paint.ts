import type { Shape } from "./shapes";

/** `size` is in pixels of a 1080-line picture; everything scales with the picture's height. */
const REFERENCE_LINES = 1080;

/**
 * Draws shapes on a canvas of `width`×`height` pixels: the picture overlay and the PNG still both
 * use this, so what is downloaded is what was seen.
 */
export function paintShapes(
  g: CanvasRenderingContext2D,
  shapes: readonly Shape[],
  width: number,
  height: number,
) {
  const scale = height / REFERENCE_LINES;
  g.save();
  g.lineCap = "round";
  g.lineJoin = "round";
  for (const s of shapes) {
    g.strokeStyle = s.color;
    g.fillStyle = s.color;
    g.lineWidth = Math.max(1, s.size * scale);
    const p = s.points.map((v, i) => v * (i % 2 === 0 ? width : height));
    paintOne(g, s, p, scale);
  }
  g.restore();
}

function paintOne(g: CanvasRenderingContext2D, s: Shape, p: number[], scale: number) {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = p;
  g.beginPath();
  switch (s.tool) {
    case "PEN":
      g.moveTo(x1, y1);
      for (let i = 2; i + 1 < p.length; i += 2) g.lineTo(p[i] ?? 0, p[i + 1] ?? 0);
      break;
    case "LINE":
      g.moveTo(x1, y1);
      g.lineTo(x2, y2);
      break;
    case "ARROW": {
      g.moveTo(x1, y1);
      g.lineTo(x2, y2);
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const head = Math.max(14 * scale, g.lineWidth * 3.5);
      for (const side of [-1, 1]) {
        g.moveTo(x2, y2);
        g.lineTo(x2 - head * Math.cos(angle + side * 0.5), y2 - head * Math.sin(angle + side * 0.5));
      }
      break;
    }
    case "RECT":
      g.rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
      break;
    case "ELLIPSE":
      g.ellipse(
        (x1 + x2) / 2,
        (y1 + y2) / 2,
        Math.abs(x2 - x1) / 2,
        Math.abs(y2 - y1) / 2,
        0,
        0,
        Math.PI * 2,
      );
      break;
    case "TEXT":
      g.font = `600 ${Math.max(8, s.size * scale)}px system-ui, sans-serif`;
      g.textBaseline = "top";
      // A dark halo keeps text legible on any picture.
      g.shadowColor = "rgba(0,0,0,0.8)";
      g.shadowBlur = 3 * scale;
      g.fillText(s.text ?? "", x1, y1);
      g.shadowBlur = 0;
      return;
  }
  g.stroke();
}
