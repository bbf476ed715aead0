import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";

/**
 * Test media whose every frame carries its own number as a machine-readable code, encoded in Chromium
 * with WebCodecs and muxed by mediabunny (the successor of webm-muxer/mp4-muxer). A screenshot of the
 * player then tells which frame is on screen, independent of anything the app reports.
 */
export const CODE = Object.freeze({
  width: 480,
  height: 270,
  /** Blocks across the top band: a white guard, 14 bits (MSB first), a black guard. */
  blocks: 16,
  bandHeight: 54,
});

export type Container = "webm" | "mp4";

export interface MediaSpec {
  /** Frames per second as a rational (30000/1001 for 29.97). */
  readonly numerator: number;
  readonly denominator: number;
  readonly frames: number;
  readonly container: Container;
}

const require = createRequire(import.meta.url);
/** The package's single-file ES bundle, beside the `node` require entry its exports map does name. */
const bundle = () =>
  readFileSync(require.resolve("mediabunny").replace(/mediabunny\.node\.cjs$/, "mediabunny.mjs"), "utf8");
/** A secure origin (loopback) that never reaches the network: every request is answered by the route. */
const ORIGIN = "http://127.0.0.1/__frame-media";

/** Loads the bundle as a module and hands it to the page's scripts (test code is not a module there). */
const PAGE = `<!doctype html><title>frame media</title>
<script type="module">import * as M from "./mediabunny.mjs"; globalThis.Mediabunny = M;</script>`;

/** Encodes the media in a throwaway browser context and returns the file's bytes. */
export async function generateFrameMedia(browser: Browser, spec: MediaSpec): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    const code = bundle();
    await context.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith(".mjs")
        ? route.fulfill({ body: code, contentType: "text/javascript" })
        : route.fulfill({ body: PAGE, contentType: "text/html" }),
    );
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction("globalThis.Mediabunny !== undefined");
    const base64 = await page.evaluate(encodeInPage, { spec, layout: CODE });
    return Buffer.from(base64, "base64");
  } finally {
    await context.close();
  }
}

interface InPage {
  spec: MediaSpec;
  layout: typeof CODE;
}

/** Runs in the page (serialised): only what it declares itself. */
async function encodeInPage({ spec, layout }: InPage): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: the bundle is loaded at run time in the page, untyped there
  const M: any = (globalThis as any).Mediabunny;
  const { width, height, blocks, bandHeight } = layout;
  // biome-ignore lint/suspicious/noExplicitAny: OffscreenCanvas is a page global; this package has no DOM lib
  const canvas = new (globalThis as any).OffscreenCanvas(width, height);
  const g = canvas.getContext("2d");
  const fps = spec.numerator / spec.denominator;
  const format = spec.container === "webm" ? new M.WebMOutputFormat() : new M.Mp4OutputFormat();
  const output = new M.Output({ format, target: new M.BufferTarget() });
  const codec = spec.container === "webm" ? "vp8" : "avc";
  const source = new M.CanvasSource(canvas, { codec, bitrate: 3e6, keyFrameInterval: 1 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  const bw = width / blocks;
  for (let n = 0; n < spec.frames; n++) {
    g.fillStyle = "#808080";
    g.fillRect(0, 0, width, height);
    for (let i = 0; i < blocks; i++) {
      const bit = i === 0 ? 1 : i === blocks - 1 ? 0 : (n >> (blocks - 2 - i)) & 1;
      g.fillStyle = bit ? "#fff" : "#000";
      g.fillRect(i * bw, 0, bw, bandHeight);
    }
    g.fillStyle = "#fff";
    g.font = "bold 56px sans-serif";
    g.fillText(`F ${n}`, 24, 170);
    // Exact rational timestamps: the container rounds them (WebM to whole milliseconds).
    await source.add((n * spec.denominator) / spec.numerator, spec.denominator / spec.numerator);
  }
  await output.finalize();
  const bytes = new Uint8Array(output.target.buffer);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
