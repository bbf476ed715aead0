import { paintShapes } from "./paint";
import type { Shape } from "./shapes";

/**
 * The frame on screen at the media's own size with `shapes` painted on it, as a PNG blob (for an
 * email or a VFX vendor). The media is same-origin (/media/) or CORS-allowed, so the canvas is not tainted.
 */
export async function frameStill(video: HTMLVideoElement, shapes: readonly Shape[]): Promise<Blob> {
  const width = video.videoWidth || 1920;
  const height = video.videoHeight || 1080;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("This browser cannot draw a still.");
  g.drawImage(video, 0, 0, width, height);
  paintShapes(g, shapes, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("The still could not be encoded."))),
      "image/png",
    ),
  );
}

/** Saves a blob under `name` through a temporary link. */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
