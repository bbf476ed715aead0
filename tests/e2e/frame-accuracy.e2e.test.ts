import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrameRate, frameRateInfo, framesToTimecode, timecodeToFrames } from "../../common/src/timecode.js";
import { frameOnScreen } from "./frames/frame-code.js";
import { type Container, generateFrameMedia } from "./frames/frame-media.js";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { Api, type Person, signUp } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** Ten seconds of picture per rate; DF rooms start just before a minute so the dropped labels are crossed. */
const CASES: { rate: FrameRate; start: string; container: Container }[] = [
  { rate: FrameRate.FPS_23_976, start: "01:00:00:00", container: "webm" },
  { rate: FrameRate.FPS_24, start: "01:00:00:00", container: "webm" },
  { rate: FrameRate.FPS_25, start: "10:00:00:00", container: "webm" },
  { rate: FrameRate.FPS_29_97_DF, start: "01:00:59;00", container: "webm" },
  { rate: FrameRate.FPS_59_94_DF, start: "01:00:59;00", container: "webm" },
  { rate: FrameRate.FPS_29_97_DF, start: "01:00:59;00", container: "mp4" },
];
const SECONDS = 10;

/**
 * The page's globals these functions use (this package has no DOM lib). Functions, not strings: the
 * app's CSP has no 'unsafe-eval', and Playwright evaluates string predicates with eval in the page.
 */
interface PageGlobals {
  requestAnimationFrame(cb: () => void): number;
  document: {
    activeElement: { blur?: () => void } | null;
    querySelector(sel: string): { dataset: Record<string, string | undefined> } | null;
  };
}

interface Mismatch {
  readonly what: string;
  readonly readout: number;
  readonly label: string | null;
  readonly screen: number | null;
}

/** One room's checks: every position compares the picture with the readout and its label. */
class FrameProbe {
  readonly mismatches: Mismatch[] = [];
  positions = 0;
  constructor(
    readonly page: Page,
    readonly rate: FrameRate,
    readonly start: string,
  ) {}

  private readout() {
    return this.page.getByTestId("timecode");
  }

  /** Waits until the player is at rest (optionally on `frame`), then reads picture and readout. */
  async check(what: string, frame?: number): Promise<number> {
    const sel = frame === undefined ? "" : `[data-frame="${frame}"]`;
    await this.page.locator(`[data-testid=timecode][data-settled=true]${sel}`).waitFor({ timeout: 10_000 });
    const readout = Number(await this.readout().getAttribute("data-frame"));
    const label = await this.readout().textContent();
    const screen = await this.screenFrame(readout);
    this.positions++;
    if (screen !== readout || label !== framesToTimecode(readout, this.rate, this.start))
      this.mismatches.push({ what, readout, label, screen });
    return readout;
  }

  /**
   * The frame in the screenshot. The frame callback that settles the readout fires as the frame is handed
   * to the compositor, so on a loaded machine the first screenshot can still hold the frame before; a few
   * display frames later it must agree. A picture that stays wrong for 500 ms is a mismatch.
   */
  private async screenFrame(readout: number): Promise<number | null> {
    const until = Date.now() + 500;
    for (;;) {
      const screen = await frameOnScreen(this.page.getByTestId("video"));
      if (screen === readout || Date.now() > until) return screen;
      await this.page.evaluate(() => {
        const raf = (globalThis as unknown as PageGlobals).requestAnimationFrame;
        return new Promise<void>((r) => raf(() => raf(() => r())));
      });
    }
  }

  /** Key presses go to the room, not to a field that kept focus. */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur?.());
    await this.page.keyboard.press(key);
  }

  async frame(): Promise<number> {
    return Number(await this.readout().getAttribute("data-frame"));
  }

  /** Waits for playback to have moved `by` frames (negative: backwards) from `from`. */
  async movedBy(from: number, by: number): Promise<void> {
    await this.page.waitForFunction(
      ({ to, forward }) => {
        const el = (globalThis as unknown as PageGlobals).document.querySelector("[data-testid=timecode]");
        const frame = Number(el?.dataset.frame);
        return forward ? frame >= to : frame <= to;
      },
      { to: from + by, forward: by > 0 },
      { timeout: 10_000 },
    );
  }
}

describe("frame-exact playback: the picture on screen is the frame the readout names", () => {
  let server: RunningServer;
  let browser: Browser;
  let mediaDir: string;
  let editor: Person;
  let director: Person;
  const versions = new Map<number, string>();
  const totals: string[] = [];

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), "greenlight-frames-"));
    browser = await launchBrowser();
    for (const [i, c] of CASES.entries()) {
      const r = frameRateInfo(c.rate);
      const frames = Math.round((SECONDS * r.numerator) / r.denominator);
      const bytes = await generateFrameMedia(browser, { ...r, frames, container: c.container });
      writeFileSync(join(mediaDir, `frames-${i}.${c.container}`), bytes);
    }
    server = await startServer({ mediaDir });
    const api = new Api(server.url);
    const stamp = Date.now().toString(36);
    const showrunner = await signUp(api, "Sasha Showrunner", `sr.${stamp}@frames.e2e`);
    editor = await signUp(api, "Eli Editor", `ed.${stamp}@frames.e2e`);
    director = await signUp(api, "Dana Director", `dir.${stamp}@frames.e2e`);
    const sr = api.as(showrunner.token);
    const { createProduction } = await sr.request<{ createProduction: { id: string } }>(
      `mutation { createProduction(input: { title: "Frames", kind: FILM }) { id } }`,
    );
    for (const [p, role] of [
      [editor, "EDITOR"],
      [director, "DIRECTOR"],
    ] as const) {
      await sr.request(
        `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
        { p: createProduction.id, e: p.email, r: role },
      );
    }
    for (const [i, c] of CASES.entries()) {
      const { createAsset } = await sr.request<{ createAsset: { id: string } }>(
        `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
        { i: { productionId: createProduction.id, kind: "CUT", title: `Frames ${c.rate} ${c.container}` } },
      );
      const { addVersion } = await sr.request<{ addVersion: { id: string } }>(
        `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
        {
          i: {
            assetId: createAsset.id,
            mediaUrl: `/media/frames-${i}.${c.container}`,
            frameRate: c.rate,
            startTimecode: c.start,
          },
        },
      );
      versions.set(i, addVersion.id);
    }
  });

  afterAll(async () => {
    if (totals.length) console.log(`frame accuracy:\n  ${totals.join("\n  ")}`);
    await browser?.close();
    await server?.stop();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it.each(CASES.map((c, i) => [`${c.rate} ${c.container}`, i] as const))("%s", async (name, i) => {
    const c = CASES[i];
    if (!c) throw new Error("no case");
    const sessions: Session[] = [];
    try {
      const ed = await openSession(browser, server.url, editor.token);
      const dir = await openSession(browser, server.url, director.token);
      sessions.push(ed, dir);
      const id = versions.get(i) ?? "";
      await new CutReviewPage(ed.page).goto(id);
      await new CutReviewPage(dir.page).goto(id);
      const p = new FrameProbe(ed.page, c.rate, c.start);
      const fps = frameRateInfo(c.rate).nominalFps;

      // Seeks: clicks along the timeline.
      const track = ed.page.locator(".tl-track");
      const box = await track.boundingBox();
      if (!box) throw new Error("no timeline");
      for (const x of [0.05, 0.13, 0.29, 0.37, 0.51, 0.66, 0.79, 0.93]) {
        await ed.page.mouse.click(box.x + box.width * x, box.y + box.height / 2);
        await p.check(`timeline ${x}`);
      }
      // Steps, single and in bursts, and by a second.
      await p.press("Home");
      let f = await p.check("Home", 0);
      for (const [key, by] of [
        ["ArrowRight", 1],
        ["ArrowRight", 1],
        ["ArrowRight", 1],
        ["ArrowLeft", -1],
        ["Shift+ArrowRight", fps],
        ["Shift+ArrowRight", fps],
        ["Shift+ArrowLeft", -fps],
        ["ArrowRight", 1],
      ] as const) {
        await p.press(key);
        f = await p.check(key, f + by);
      }
      for (let k = 0; k < 5; k++) await p.press("ArrowRight");
      f = await p.check("burst of 5 →", f + 5);

      // Play and pause (Space), shuttle L and L L, reverse J, K to stop; K held with L/J steps.
      for (const [go, label] of [
        [["Space"], "Space/Space"],
        [["l"], "L/K"],
        [["l", "l"], "LL/K"],
      ] as const) {
        for (const key of go) await p.press(key);
        await p.movedBy(f, 6);
        await p.press(label === "Space/Space" ? "Space" : "k");
        f = await p.check(`after ${label}`);
      }
      await p.press("j");
      await p.movedBy(f, -4);
      await p.press("k");
      f = await p.check("after J/K");
      await ed.page.keyboard.down("k");
      await ed.page.keyboard.press("l");
      f = await p.check("K+L", f + 1);
      await ed.page.keyboard.press("j");
      f = await p.check("K+J", f - 1);
      await ed.page.keyboard.up("k");

      // Notes made at positions carry the frame on screen; jumping to them shows that frame again.
      const cut = new CutReviewPage(ed.page);
      const noted: { body: string; frame: number }[] = [];
      for (const step of [7, fps + 3, 2 * fps + 11]) {
        await p.press("Home");
        await p.check("Home", 0);
        for (let k = 0; k < step; k++) await p.press("ArrowRight");
        const at = await p.check(`note position ${step}`, step);
        const body = `Frame note [${step}]`;
        await cut.addNote(body);
        const label = await cut.note(body).locator(".anchor-btn").textContent();
        const anchored = timecodeToFrames(label ?? "", c.rate) - timecodeToFrames(c.start, c.rate);
        p.positions++;
        if (anchored !== at)
          p.mismatches.push({ what: `note ${body}`, readout: at, label, screen: anchored });
        noted.push({ body, frame: anchored });
      }
      await p.press("End");
      await p.check("End");
      for (const n of noted) {
        await cut.note(n.body).locator(".anchor-btn").click();
        f = await p.check(`jump to ${n.body}`, n.frame);
      }
      await screenshot(ed.page, `frames-${name.replace(/\s+/g, "-")}`);

      // Follow: the director's player lands on the editor's frame, and shows it.
      const follower = new FrameProbe(dir.page, c.rate, c.start);
      await dir.page.getByTestId("follow").selectOption({ label: editor.name });
      for (const [key, by] of [
        ["ArrowRight", 1],
        ["Shift+ArrowRight", fps],
        ["ArrowLeft", -1],
      ] as const) {
        await p.press(key);
        f = await p.check(`leader ${key}`, f + by);
        await follower.check(`follower after ${key}`, f);
      }

      const all = [...p.mismatches, ...follower.mismatches];
      const positions = p.positions + follower.positions;
      totals.push(`${name}: ${all.length} mismatches over ${positions} positions`);
      expect(all).toEqual([]);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });
});
