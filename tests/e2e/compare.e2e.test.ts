import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameOnScreen } from "./frames/frame-code.js";
import { generateFrameMedia } from "./frames/frame-media.js";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { Api, type Person, signUp } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** v2 starts one second (24 frames) earlier on the record: its frame n + 24 is v1's frame n. */
const OFFSET = 24;

/** A at rest on `frameA`; B at rest on its locked frame (each readout settled: its picture presents that frame). */
async function settledAt(page: Page, frameA: number): Promise<void> {
  await page.locator(`[data-testid=timecode][data-settled=true][data-frame="${frameA}"]`).waitFor();
  const b = page.getByTestId("timecode-b");
  await page
    .locator(`[data-testid=timecode-b][data-settled=true][data-frame="${frameA + OFFSET}"]`)
    .waitFor({ timeout: 15_000 })
    .catch(async (e) => {
      const info = await page.getByTestId("video-b").evaluate((v) => {
        const el = v as unknown as { currentTime: number; readyState: number; paused: boolean };
        return `${el.currentTime} rs${el.readyState} paused${el.paused}`;
      });
      throw new Error(
        `${e}: b ${await b.getAttribute("data-frame")} settled ${await b.getAttribute("data-settled")} ${info}`,
      );
    });
}

/** The frame on screen in `testid`, given a few display frames to reach `want` (as the frame probe does). */
async function screenFrame(page: Page, testid: string, want: number): Promise<number | null> {
  const until = Date.now() + 5_000;
  for (;;) {
    const got = await frameOnScreen(page.getByTestId(testid));
    if (got === want || Date.now() > until) return got;
    // Two display frames, not a timer: the next presented picture is what is waited for.
    await page.evaluate(() => {
      const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number })
        .requestAnimationFrame;
      return new Promise<void>((r) => raf(() => raf(() => r())));
    });
  }
}

/** Drags the wipe handle to a point of the stage, as 0–1 of its width. */
async function dragSplit(page: Page, to: number): Promise<void> {
  const handle = await page.getByTestId("wipe-handle").boundingBox();
  const stage = await page.getByTestId("compare-stage").boundingBox();
  if (!handle || !stage) throw new Error("no wipe");
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width * to, handle.y + handle.height / 2, { steps: 6 });
  await page.mouse.up();
}

describe("version compare: frame-locked by timecode, side by side and as a wipe", () => {
  let server: RunningServer;
  let browser: Browser;
  let mediaDir: string;
  let director: Person;
  const ids: string[] = [];
  const sessions: Session[] = [];

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), "greenlight-compare-"));
    browser = await launchBrowser();
    for (const [name, frames] of [
      ["v1.webm", 72],
      ["v2.webm", 120],
    ] as const)
      writeFileSync(
        join(mediaDir, name),
        await generateFrameMedia(browser, { numerator: 24, denominator: 1, frames, container: "webm" }),
      );
    server = await startServer({ mediaDir });
    const api = new Api(server.url);
    const stamp = Date.now().toString(36);
    const showrunner = await signUp(api, "Sasha Showrunner", `sr.${stamp}@compare.e2e`);
    director = await signUp(api, "Dana Director", `dir.${stamp}@compare.e2e`);
    const sr = api.as(showrunner.token);
    const { createProduction } = await sr.request<{ createProduction: { id: string } }>(
      `mutation { createProduction(input: { title: "Compare", kind: FILM }) { id } }`,
    );
    await sr.request(
      `mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: DIRECTOR) { role } }`,
      {
        p: createProduction.id,
        e: director.email,
      },
    );
    const { createAsset } = await sr.request<{ createAsset: { id: string } }>(
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
      { i: { productionId: createProduction.id, kind: "CUT", title: "Reel 2" } },
    );
    for (const [file, start] of [
      ["v1.webm", "01:00:00:00"],
      ["v2.webm", "00:59:59:00"],
    ] as const) {
      const { addVersion } = await sr.request<{ addVersion: { id: string } }>(
        `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
        {
          i: {
            assetId: createAsset.id,
            mediaUrl: `/media/${file}`,
            frameRate: "FPS_24",
            startTimecode: start,
          },
        },
      );
      ids.push(addVersion.id);
    }
    const note = `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`;
    const dr = api.as(director.token);
    await dr.request(note, { i: { versionId: ids[0], body: "v1 note", time: { startFrame: 5 } } });
    await dr.request(note, { i: { versionId: ids[1], body: "v2 note A", time: { startFrame: 50 } } });
    await dr.request(note, { i: { versionId: ids[1], body: "v2 note B", time: { startFrame: 90 } } });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.stop();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it("opens from the room, shows both pictures on the same record frame, and wipes with a draggable split", async () => {
    const s = await openSession(browser, server.url, director.token);
    sessions.push(s);
    const { page } = s;
    await new CutReviewPage(page).goto(ids[1] ?? "");
    await page.getByTestId("compare-link").click();
    await page.getByTestId("compare-page").waitFor();
    expect(await page.getByTestId("compare-alignment").textContent()).toContain("Aligned by timecode");
    // Each side's notes on its own timeline.
    await page.locator("[data-testid=compare-timeline-v2] [data-testid=timeline-marker]").nth(1).waitFor();
    await page.locator("[data-testid=compare-timeline-v1] [data-testid=timeline-marker]").first().waitFor();
    expect(
      await page.locator("[data-testid=compare-timeline-v1] [data-testid=timeline-marker]").count(),
    ).toBe(1);

    // Side by side, stepped: the frames read off the screen are locked one second apart.
    await settledAt(page, 0);
    await new CutReviewPage(page).step(12);
    await settledAt(page, 12);
    expect(await screenFrame(page, "video", 12)).toBe(12);
    expect(await screenFrame(page, "video-b", 12 + OFFSET)).toBe(12 + OFFSET);
    await screenshot(page, "43-compare-side-by-side");

    // The URL carries both versions and the position: reopening it lands on the same frames, as a wipe.
    await page.getByRole("button", { name: "Wipe" }).click();
    await page.waitForFunction(() =>
      (globalThis as unknown as { location: { search: string } }).location.search.includes("view=wipe"),
    );
    const url = page.url();
    expect(url).toContain(`a=${ids[0]}`);
    expect(url).toContain(`b=${ids[1]}`);
    expect(decodeURIComponent(url)).toContain("t=01:00:00:12");
    await page.goto(url);
    await settledAt(page, 12);
    await page.getByTestId("compare-stage").and(page.locator("[data-view=wipe]")).waitFor();

    // Split dragged right: all of v1 on screen; dragged left: all of v2; both on the locked frames.
    await dragSplit(page, 1);
    await page.locator("[data-testid=wipe-handle][aria-valuenow='100']").waitFor();
    expect(await frameOnScreen(page.getByTestId("video"))).toBe(12);
    await dragSplit(page, 0);
    await page.locator("[data-testid=wipe-handle][aria-valuenow='0']").waitFor();
    expect(await frameOnScreen(page.getByTestId("video-b"))).toBe(12 + OFFSET);
    // One step in the wipe moves both pictures: v2's picture, read off the screen, follows.
    await new CutReviewPage(page).step(1);
    await page.locator('[data-testid=timecode][data-settled=true][data-frame="13"]').waitFor();
    expect(await screenFrame(page, "video-b", 13 + OFFSET)).toBe(13 + OFFSET);
    await dragSplit(page, 0.5);
    await screenshot(page, "44-compare-wipe");
    expect(s.errors).toEqual([]);
  });
});
