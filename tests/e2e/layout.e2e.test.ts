import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { MixReviewPage } from "./pages/MixReviewPage.js";
import { ProductionPage } from "./pages/ProductionPage.js";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { Api, arrangeProduction, type Room } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

const SIZES = [
  { width: 1280, height: 720 },
  { width: 2560, height: 1440 },
] as const;

type Rect = { top: number; bottom: number; left: number; right: number; height: number };
type El = { getBoundingClientRect(): Rect; children: ArrayLike<El>; offsetParent: unknown };
type Doc = {
  document: {
    querySelector(s: string): El | null;
    querySelectorAll(s: string): ArrayLike<El>;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
};

/** Note cards wholly inside the notes list's visible area. */
async function cardsVisible(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Doc;
    const list = document.querySelector("[data-testid=notes-list]")?.getBoundingClientRect();
    if (!list) return 0;
    let n = 0;
    for (const c of Array.from(document.querySelectorAll("[data-testid=note-card]"))) {
      const r = c.getBoundingClientRect();
      if (r.top >= list.top - 1 && r.bottom <= list.bottom + 1) n++;
    }
    return n;
  });
}

/** The header's visible items all sit on one row (their vertical ranges overlap). */
async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Doc;
    const header = document.querySelector(".room-header");
    if (!header) return 0;
    const rects = Array.from(header.children)
      .filter((c) => c.offsetParent !== null)
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0);
    const tops = new Set(rects.map((r) => Math.round((r.top + r.bottom) / 2 / 24)));
    return tops.size;
  });
}

/**
 * How far, in px, a script line's gutter number sits from its line's text at worst, over the lines
 * with margin notes (stacked notes once pushed the numbers below their lines).
 */
async function gutterDrift(page: Page): Promise<{ rows: number; worst: number }> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Doc;
    let rows = 0;
    let worst = 0;
    for (const row of Array.from(document.querySelectorAll(".sp-row[data-noted]"))) {
      const cells = Array.from(row.children);
      const gutter = cells.find((c) =>
        (c as unknown as { className: string }).className.includes("sp-gutter"),
      );
      const text = cells.find((c) => (c as unknown as { className: string }).className.includes("sp-el"));
      if (!gutter || !text) continue;
      rows++;
      worst = Math.max(
        worst,
        Math.abs(gutter.getBoundingClientRect().top - text.getBoundingClientRect().top),
      );
    }
    return { rows, worst };
  });
}

const overflowX = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as Doc).document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });

describe("layout at 1280×720 and 2560×1440: every screen, shot and measured", () => {
  let server: RunningServer;
  let browser: Browser;
  let room: Room;
  let director: Session;
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer();
    const api = new Api(server.url);
    room = await arrangeProduction(api);
    const editor = api.as(room.people.editor.token);
    const sound = api.as(room.people.soundDesigner.token);
    const writer = api.as(room.people.writer.token);
    const add = (who: Api, input: Record<string, unknown>) =>
      who.request(`mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`, { i: input });
    const bodies = [
      "Trim the pause before Mara's line.",
      "The cut to the roof is early; hold on Jonas for a beat so the look lands before the thunder.",
      "Colour: the kitchen reads too warm against the rain plates.",
      "Lose the second angle here — we already have the reaction.",
      "Continuity: the cup is full in the wide and empty in the close-up.",
      "Music comes in too soon; let the silence carry until he speaks.",
      "VFX: the window reflection shows the crew.",
      "Good. Keep this exactly as it is.",
    ];
    for (const [i, body] of bodies.entries())
      await add(editor, { versionId: room.cutVersionId, body, time: { startFrame: 40 + i * 90 } });
    for (const [i, stem] of ["DIALOGUE", "MUSIC", "EFFECTS", "DIALOGUE", "FULL_MIX"].entries())
      await add(sound, {
        versionId: room.mixVersionId,
        body: `${stem.toLowerCase()} note ${i + 1}: level rides too hard under the rain`,
        time: { startFrame: 100 + i * 150, stem },
      });
    // Stacked margin notes on neighbouring lines, with long quotes.
    for (const [a, b] of [
      [7, 7],
      [8, 9],
      [9, 11],
      [10, 10],
      [13, 14],
    ])
      await add(writer, {
        versionId: room.scriptVersionId,
        body: `Lines ${a}-${b}: tighten; this runs long when read aloud at pace.`,
        script: { lineStart: a, lineEnd: b },
      });
    browser = await launchBrowser();
    director = await openSession(browser, server.url, room.people.director.token);
  });

  afterAll(async () => {
    console.log(`layout: ${JSON.stringify(measured)}`);
    await browser?.close();
    await server?.stop();
  });

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`productions and production at ${tag}`, async () => {
      const { page } = director;
      await page.setViewportSize(size);
      await page.goto("/");
      await page.getByTestId("productions").waitFor();
      await screenshot(page, `layout-${tag}-productions`);
      await new ProductionPage(page).goto(room.productionId);
      await page.getByTestId("activity").locator("li").first().waitFor();
      await screenshot(page, `layout-${tag}-production`);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
    });

    it(`cut room at ${tag}: header on one row, at least 4 note cards in view`, async () => {
      const { page } = director;
      const cut = new CutReviewPage(page);
      await cut.goto(room.cutVersionId);
      await cut.note("Good. Keep this").waitFor();
      await page.locator("[data-testid=timecode][data-settled=true]").waitFor();
      await screenshot(page, `layout-${tag}-cut`);
      measured[`cut cards ${tag}`] = await cardsVisible(page);
      expect(await headerRows(page)).toBe(1);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await cardsVisible(page)).toBeGreaterThanOrEqual(4);
      await cut.openReview();
      await screenshot(page, `layout-${tag}-cut-review`);
      await cut.openNotes();
    });

    it(`script room at ${tag}`, async () => {
      const { page } = director;
      const script = new ScriptReviewPage(page);
      await script.goto(room.scriptVersionId);
      await script.marginNotes().first().waitFor();
      await screenshot(page, `layout-${tag}-script`);
      measured[`script cards ${tag}`] = await cardsVisible(page);
      // Five stacked notes over lines 7–14: every noted line's number stays level with its text.
      const drift = await gutterDrift(page);
      measured[`script gutter drift px ${tag}`] = drift.worst;
      expect(drift.rows).toBeGreaterThanOrEqual(7);
      expect(drift.worst).toBeLessThanOrEqual(3);
      expect(await headerRows(page)).toBe(1);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
    });

    it(`mix room at ${tag}`, async () => {
      const { page } = director;
      const mix = new MixReviewPage(page);
      await mix.goto(room.mixVersionId);
      await mix.note("effects note").waitFor();
      // Per-stem lanes: each note on its stem's lane (no stem: the full mix), each lane's waveform drawn.
      for (const [stem, count] of [
        ["FULL_MIX", 1],
        ["DIALOGUE", 2],
        ["MUSIC", 1],
        ["EFFECTS", 1],
      ] as const) {
        const lane = page.getByTestId(`lane-${stem}`);
        await lane.locator("canvas[data-drawn=true]").waitFor();
        expect(await lane.getByTestId("lane-marker").count()).toBe(count);
      }
      // A timecode ruler over the waveform.
      await page.getByTestId("waveform").getByText("01:00:10:00").first().waitFor();
      // Peaks are computed once: the second visit (this size's) draws from the cache, no decode.
      if (size.width > 1280) await page.locator("[data-testid=waveform][data-peaks=cache]").waitFor();
      await screenshot(page, `layout-${tag}-mix`);
      measured[`mix cards ${tag}`] = await cardsVisible(page);
      expect(await headerRows(page)).toBe(1);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
    });
  }
});
