import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { Api } from "./support/api.js";
import { cutSockets, openSession, type Session, screenshot, trackSockets } from "./support/browser.js";
import { useStage } from "./support/stage.js";

const banner = (page: Page) => page.getByTestId("connection-banner");

/** The note count the server holds for a version (what really arrived, whatever the page shows). */
async function serverNoteTotal(api: Api, versionId: string): Promise<number> {
  const d = await api.request<{ version: { noteCounts: { total: number } } }>(
    `query($id: ID!) { version(id: $id) { noteCounts { total } } }`,
    { id: versionId },
  );
  return d.version.noteCounts.total;
}

describe("the connection, told honestly: offline, dropped, resuming; notes written meanwhile are queued and sent once", () => {
  const stage = useStage();
  let director: Session;
  let editor: Session;
  let api: Api;

  beforeAll(async () => {
    api = new Api(stage.server.url, stage.room.people.showrunner.token);
    director = await openSession(stage.browser, stage.server.url, stage.room.people.director.token);
    editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    await director.context.addInitScript(trackSockets);
  });

  it("going offline is shown at once; a note written then is queued visibly and sent once on reconnect", async () => {
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    await dCut.goto(stage.room.cutVersionId);
    await eCut.goto(stage.room.cutVersionId);
    await director.page.locator("[data-connection=connected]").waitFor();
    const before = await serverNoteTotal(api, stage.room.cutVersionId);

    await director.context.setOffline(true);
    await banner(director.page).and(director.page.locator("[data-state=offline]")).waitFor({ timeout: 3000 });
    expect(await banner(director.page).textContent()).toContain("You're offline");
    await director.page.getByTestId("composer-offline").waitFor();

    await dCut.step(10);
    await dCut.addNote("Written on the train, no signal");
    await dCut.step(5);
    await dCut.addNote("Second offline thought");
    const queued = director.page.getByTestId("queued-note");
    await queued.nth(1).waitFor();
    expect(await queued.count()).toBe(2);
    expect(await queued.first().textContent()).toContain("queued");
    expect(await banner(director.page).textContent()).toContain("2 notes waiting to send");
    await screenshot(director.page, "connection-offline-queued");
    // Kept in the browser's storage, so a reload or crash would not lose them.
    const stored = await director.page.evaluate(() =>
      (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
        "greenlight.outbox",
      ),
    );
    expect(stored).toContain("Written on the train");
    expect(await serverNoteTotal(api, stage.room.cutVersionId)).toBe(before);

    await director.context.setOffline(false);
    await banner(director.page).and(director.page.locator("[data-state=resuming]")).waitFor();
    await queued.first().waitFor({ state: "detached", timeout: 30_000 });
    for (const body of ["Written on the train, no signal", "Second offline thought"]) {
      await eCut.note(body).waitFor();
      await dCut.note(body).waitFor();
    }
    await banner(director.page)
      .and(director.page.locator("[data-state=resuming]"))
      .waitFor({ state: "detached" });
    expect(await serverNoteTotal(api, stage.room.cutVersionId)).toBe(before + 2);
    expect(await dCut.note("Written on the train").count()).toBe(1);
    expect(await eCut.note("Written on the train").count()).toBe(1);
    expect(await dCut.note("Second offline thought").textContent()).toContain("01:00:00:15");
  });

  it("a dropped socket is shown as reconnecting, then resumes", async () => {
    await cutSockets(director.page);
    await banner(director.page).and(director.page.locator("[data-state=dropped]")).waitFor({ timeout: 3000 });
    expect(await banner(director.page).textContent()).toContain("reconnecting");
    await screenshot(director.page, "connection-dropped");
    await banner(director.page)
      .and(director.page.locator("[data-state=resuming]"))
      .waitFor({ timeout: 30_000 });
    await banner(director.page).waitFor({ state: "hidden", timeout: 10_000 });
  });

  it("an answer lost on the way back is re-sent with the same key: the note exists once", async () => {
    const dCut = new CutReviewPage(director.page);
    const before = await serverNoteTotal(api, stage.room.cutVersionId);
    let dropped = 0;
    let answerLost: () => void = () => undefined;
    const lost = new Promise<void>((r) => {
      answerLost = r;
    });
    // The server receives and commits the first addNote; its answer never reaches the page.
    await director.page.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (dropped === 0 && body.includes("AddNote")) {
        dropped++;
        await route.fetch();
        await route.abort("connectionreset");
        answerLost();
        return;
      }
      await route.continue();
    });
    await dCut.addNote("Answer lost in transit");
    await lost;
    // The server's note (not the optimistic one) in the list, and nothing left in the queue.
    await dCut.note("Answer lost in transit").and(director.page.locator("[data-pending=false]")).waitFor();
    await director.page.getByTestId("queued-note").waitFor({ state: "detached" });
    await director.page.unrouteAll({ behavior: "wait" });
    expect(dropped).toBe(1);
    expect(await serverNoteTotal(api, stage.room.cutVersionId)).toBe(before + 1);
    // The editor's live copy and the director's list agree: exactly one.
    await new CutReviewPage(editor.page).note("Answer lost in transit").waitFor();
    expect(await new CutReviewPage(editor.page).note("Answer lost in transit").count()).toBe(1);
    expect(await dCut.note("Answer lost in transit").count()).toBe(1);
  });

  it("left no uncaught errors", () => {
    const relevant = (s: Session) =>
      s.errors.filter((e) => !/Failed to load resource|WebSocket|net::ERR/.test(e));
    expect(relevant(director)).toEqual([]);
    expect(relevant(editor)).toEqual([]);
  });
});
