import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeIn, frameOnScreen } from "./frames/frame-code.js";
import { CODE, generateFrameMedia } from "./frames/frame-media.js";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { DrawingTools } from "./pages/DrawingTools.js";
import { Api, type Person, signUp } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** The rectangle drawn: its left edge at x = 0.55, from y = 0.45 to 0.9, clear of the code band. */
const RECT: { from: [number, number]; to: [number, number] } = { from: [0.55, 0.45], to: [0.9, 0.9] };
const FRAME = 30;

/** Whether the PNG has a strongly red pixel near (x, y), given as 0–1 of the image. */
function redNear(png: PNG, x: number, y: number, radius = 6): boolean {
  const cx = Math.round(x * png.width);
  const cy = Math.round(y * png.height);
  for (let yy = cy - radius; yy <= cy + radius; yy++)
    for (let xx = cx - radius; xx <= cx + radius; xx++) {
      const o = (yy * png.width + xx) * 4;
      const [r = 0, g = 0, b = 0] = [png.data[o], png.data[o + 1], png.data[o + 2]];
      if (r > 180 && g < 110 && b < 110) return true;
    }
  return false;
}

/** A screenshot of the picture (the video's box: the test media fills it at this viewport's aspect). */
async function pictureShot(video: Locator): Promise<PNG> {
  const box = await video.boundingBox();
  if (!box) throw new Error("no video");
  const scale = Math.min(box.width / CODE.width, box.height / CODE.height);
  const w = CODE.width * scale;
  const h = CODE.height * scale;
  const clip = { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h };
  return PNG.sync.read(await video.page().screenshot({ clip, scale: "css" }));
}

async function parkOn(page: Page, frame: number): Promise<void> {
  const cut = new CutReviewPage(page);
  const now = Number(await cut.timecode().getAttribute("data-frame"));
  await cut.step(frame - now);
  await page.locator(`[data-testid=timecode][data-settled=true][data-frame="${frame}"]`).waitFor();
}

describe("drawing on a frame: drawn in one browser, seen live on the right frame in another", () => {
  let server: RunningServer;
  let browser: Browser;
  let mediaDir: string;
  let versionId: string;
  let director: Person;
  let editor: Person;
  const sessions: Session[] = [];

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), "greenlight-draw-"));
    browser = await launchBrowser();
    const bytes = await generateFrameMedia(browser, {
      numerator: 24,
      denominator: 1,
      frames: 96,
      container: "webm",
    });
    writeFileSync(join(mediaDir, "draw.webm"), bytes);
    server = await startServer({ mediaDir });
    const api = new Api(server.url);
    const stamp = Date.now().toString(36);
    const showrunner = await signUp(api, "Sasha Showrunner", `sr.${stamp}@draw.e2e`);
    director = await signUp(api, "Dana Director", `dir.${stamp}@draw.e2e`);
    editor = await signUp(api, "Eli Editor", `ed.${stamp}@draw.e2e`);
    const sr = api.as(showrunner.token);
    const { createProduction } = await sr.request<{ createProduction: { id: string } }>(
      `mutation { createProduction(input: { title: "Drawings", kind: FILM }) { id } }`,
    );
    for (const [p, role] of [
      [director, "DIRECTOR"],
      [editor, "EDITOR"],
    ] as const)
      await sr.request(
        `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
        { p: createProduction.id, e: p.email, r: role },
      );
    const { createAsset } = await sr.request<{ createAsset: { id: string } }>(
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
      { i: { productionId: createProduction.id, kind: "CUT", title: "Reel 1" } },
    );
    const { addVersion } = await sr.request<{ addVersion: { id: string } }>(
      `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
      {
        i: {
          assetId: createAsset.id,
          mediaUrl: "/media/draw.webm",
          frameRate: "FPS_24",
          startTimecode: "01:00:00:00",
        },
      },
    );
    versionId = addVersion.id;
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.stop();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it("draws with undo, redo and clear; the other browser shows it live on that frame only; PNG still; edit", async () => {
    const dir = await openSession(browser, server.url, director.token);
    const ed = await openSession(browser, server.url, editor.token);
    sessions.push(dir, ed);
    await new CutReviewPage(dir.page).goto(versionId);
    await new CutReviewPage(ed.page).goto(versionId);
    await parkOn(dir.page, FRAME);
    await parkOn(ed.page, FRAME);
    const draw = new DrawingTools(dir.page);

    // Undo, redo and clear on the director's frame.
    await draw.button("Draw");
    await draw.toolbar().waitFor();
    await draw.button("Rectangle");
    await draw.button("Width 8");
    await draw.drag(RECT.from, RECT.to);
    await draw.shapes(1);
    await draw.button("Arrow");
    await draw.drag([0.2, 0.8], [0.45, 0.6]);
    await draw.shapes(2);
    await draw.button("Undo");
    await draw.shapes(1);
    await draw.button("Redo");
    await draw.shapes(2);
    await draw.button("Clear");
    await draw.shapes(0);
    await draw.button("Undo");
    await draw.shapes(2);
    await draw.button("Undo");
    await draw.shapes(1);
    await screenshot(dir.page, "41-drawing-on-a-frame");
    await draw.button("Done");
    await dir.page.getByTestId("composer-drawing").filter({ hasText: "1 shape" }).waitFor();

    // Sent with the note; the editor, parked on the same frame, sees it without doing anything.
    const composer = dir.page.getByTestId("note-composer");
    await composer.getByRole("combobox", { name: "Note" }).fill("Paint out the boom");
    const sent = Date.now();
    await composer.getByRole("button", { name: "Add note" }).click();
    const seen = ed.page.locator('[data-testid=drawing-overlay][data-tools="RECT"]');
    await seen.waitFor();
    const latency = Date.now() - sent;
    console.log(`drawing live latency (click Add note -> drawn in the other browser): ${latency} ms`);
    const video = ed.page.getByTestId("video");
    expect(await frameOnScreen(video)).toBe(FRAME);
    const shot = await pictureShot(video);
    expect(redNear(shot, RECT.from[0], 0.675)).toBe(true);
    expect(redNear(shot, 0.3, 0.675)).toBe(false);
    await screenshot(ed.page, "42-drawing-seen-live");

    // A point note's drawing belongs to its frame: gone one frame on, back on it.
    await parkOn(ed.page, FRAME + 1);
    await seen.waitFor({ state: "detached" });
    expect(await frameOnScreen(video)).toBe(FRAME + 1);
    await parkOn(ed.page, FRAME);
    await seen.waitFor();
    // The toggle hides every drawing, and shows them again.
    await ed.page.getByTestId("toggle-drawings").click();
    await seen.waitFor({ state: "detached" });
    await ed.page.getByTestId("toggle-drawings").click();
    await seen.waitFor();

    // The PNG still is the frame on screen, at the media's size, with the drawing on it.
    const [download] = await Promise.all([
      ed.page.waitForEvent("download"),
      ed.page.getByRole("button", { name: "PNG still" }).click(),
    ]);
    const still = PNG.sync.read(readFileSync(await download.path()));
    expect([still.width, still.height]).toEqual([CODE.width, CODE.height]);
    expect(codeIn(still, CODE.bandHeight)).toBe(FRAME);
    expect(redNear(still, RECT.from[0], 0.675, 3)).toBe(true);

    // The author edits the drawing; the other browser follows. The composer is blurred first: it
    // shrinks on blur, and a click that blurs it would land after the cards moved up under it.
    await dir.page.locator("body").click({ position: { x: 5, y: 5 } });
    const card = dir.page.locator("[data-testid=note-card]", { hasText: "Paint out the boom" });
    await card.locator(".anchor-btn").click();
    await dir.page.locator("[data-testid=note-card][data-selected=true]").waitFor();
    await draw.button("Edit drawing");
    await draw.shapes(1);
    await draw.button("Clear");
    await draw.button("Ellipse");
    await draw.drag([0.6, 0.5], [0.8, 0.85]);
    await draw.button("Save drawing");
    await ed.page.locator('[data-testid=drawing-overlay][data-tools="ELLIPSE"]').waitFor();
    expect(dir.errors.concat(ed.errors)).toEqual([]);
  });
});
