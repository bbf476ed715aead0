import type { Locator } from "playwright-core";
import { PNG } from "pngjs";
import { CODE } from "./frame-media.js";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the picture is drawn inside the <video> box (object-fit: contain letterboxes it). */
async function pictureBox(video: Locator): Promise<Box> {
  const box = await video.boundingBox();
  if (!box) throw new Error("video not on screen");
  const scale = Math.min(box.width / CODE.width, box.height / CODE.height);
  const w = CODE.width * scale;
  const h = CODE.height * scale;
  return { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h };
}

/**
 * Reads the frame number burnt into the picture on screen, from a screenshot of the code band. Each
 * block's middle is averaged; the white and black guard blocks must read as such, else the picture is
 * not a coded frame (returns null).
 */
export async function frameOnScreen(video: Locator): Promise<number | null> {
  const pic = await pictureBox(video);
  const band = { ...pic, height: (pic.height * CODE.bandHeight) / CODE.height };
  return codeIn(PNG.sync.read(await video.page().screenshot({ clip: band, scale: "css" })));
}

/**
 * The frame number in a PNG whose top `bandRows` rows are the code band (a screenshot of the band,
 * or a whole frame such as a downloaded still); null when the guard blocks do not read as such.
 */
export function codeIn(shot: PNG, bandRows = shot.height): number | null {
  const bw = shot.width / CODE.blocks;
  const lum = (i: number): number => {
    let sum = 0;
    let count = 0;
    const y0 = Math.floor(bandRows * 0.3);
    const y1 = Math.ceil(bandRows * 0.7);
    for (let y = y0; y < y1; y++) {
      for (let x = Math.floor(bw * (i + 0.3)); x < Math.ceil(bw * (i + 0.7)); x++) {
        const o = (y * shot.width + x) * 4;
        sum += ((shot.data[o] ?? 0) + (shot.data[o + 1] ?? 0) + (shot.data[o + 2] ?? 0)) / 3;
        count++;
      }
    }
    return sum / count;
  };
  const bits = Array.from({ length: CODE.blocks }, (_, i) => lum(i));
  if ((bits[0] ?? 0) < 200 || (bits[CODE.blocks - 1] ?? 255) > 55) return null;
  let n = 0;
  for (let i = 1; i < CODE.blocks - 1; i++) n = n * 2 + ((bits[i] ?? 0) > 128 ? 1 : 0);
  return n;
}
