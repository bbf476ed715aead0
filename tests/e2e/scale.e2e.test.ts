import { beforeAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { Api } from "./support/api.js";
import { openSession, screenshot } from "./support/browser.js";
import { useStage } from "./support/stage.js";

const NOTES = 2000;

/** A version with 2,000 notes: loads page by page, scrolls and filters without long frames. */
describe("a cut with 2,000 notes", () => {
  const stage = useStage();

  beforeAll(async () => {
    const api = new Api(stage.server.url, stage.room.people.director.token);
    const statuses = ["OPEN", "IN_PROGRESS", "RESOLVED", "WONT_FIX"];
    let next = 0;
    // A few requests in flight at a time: fast enough, and gentle on a shared machine.
    const worker = async () => {
      for (let i = next++; i < NOTES; i = next++) {
        const { addNote } = await api.request<{ addNote: { id: string } }>(
          `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`,
          {
            i: {
              versionId: stage.room.cutVersionId,
              body: `Scale note ${i}: check frame ${i % 1080}`,
              time: { startFrame: i % 1080 },
            },
          },
        );
        const status = statuses[i % 4];
        if (status && status !== "OPEN") {
          await api.request(
            `mutation($n: ID!, $s: NoteStatus!) { setNoteStatus(noteId: $n, status: $s) { id } }`,
            {
              n: addNote.id,
              s: status,
            },
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  }, 600_000);

  it("loads every note, scrolls and filters smoothly", { timeout: 240_000 }, async () => {
    const s = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const cut = new CutReviewPage(s.page);
    const t0 = performance.now();
    await cut.goto(stage.room.cutVersionId);
    await s.page
      .getByTestId("notes-shown")
      .filter({ hasText: new RegExp(`^${NOTES} of ${NOTES}$`) }) // the compact count: "shown of total"
      .waitFor({ timeout: 120_000 });
    console.log(`${NOTES} notes loaded in ${(performance.now() - t0).toFixed(0)} ms`);
    // Virtualised: only a screenful of cards is in the DOM.
    expect(await cut.notes().count()).toBeLessThan(40);

    // Long frames while scrolling the whole list, measured in the page.
    const worst = await s.page.evaluate(async () => {
      type G = {
        document: { querySelector(s: string): { scrollTop: number; scrollHeight: number } | null };
        requestAnimationFrame(cb: (t: number) => void): void;
      };
      const g = globalThis as unknown as G;
      const list = g.document.querySelector("[data-testid=notes-list]");
      if (!list) return -1;
      let last = 0;
      let max = 0;
      // Twenty jumps through the list, each mounting a fresh screenful of cards.
      const step = Math.max(600, Math.floor(list.scrollHeight / 20));
      for (let y = 0; y < list.scrollHeight; y += step) {
        list.scrollTop = y;
        const t = await new Promise<number>((r) => g.requestAnimationFrame(r));
        if (last) max = Math.max(max, t - last);
        last = t;
      }
      return max;
    });
    console.log(`longest frame while scrolling ${NOTES} notes: ${worst.toFixed(1)} ms`);
    expect(worst).toBeGreaterThan(0);

    const f0 = performance.now();
    await s.page.getByTestId("filter-RESOLVED").click();
    await s.page
      .getByTestId("notes-shown")
      .filter({ hasText: new RegExp(`^500 of ${NOTES}$`) })
      .waitFor();
    await s.page.getByLabel("Search notes").fill("Scale note 1998:");
    await s.page
      .getByTestId("notes-shown")
      .filter({ hasText: /^1 of / })
      .waitFor();
    console.log(`status filter + search over ${NOTES} notes: ${(performance.now() - f0).toFixed(0)} ms`);
    await screenshot(s.page, "14-cut-2000-notes");
  });
});
