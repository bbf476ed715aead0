import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { cutSockets, openSession, type Session, trackSockets } from "./support/browser.js";
import { useStage } from "./support/stage.js";

/** Counts, in the page, every time a viewer's avatar leaves the row (a leave/rejoin "flash"). */
async function watchAvatarRemovals(page: Page, name: string): Promise<void> {
  await page.evaluate((who) => {
    const g = globalThis as unknown as {
      __gone: number;
      document: { querySelector(s: string): unknown };
      MutationObserver: new (
        cb: (m: { removedNodes: ArrayLike<{ textContent: string | null }> }[]) => void,
      ) => { observe(n: unknown, o: object): void };
    };
    g.__gone = 0;
    new g.MutationObserver((records) => {
      for (const r of records)
        for (let i = 0; i < r.removedNodes.length; i++)
          if (r.removedNodes[i]?.textContent?.includes(who)) g.__gone++;
    }).observe(g.document.querySelector("body"), { childList: true, subtree: true });
  }, name);
}

const followOptions = (page: Page) =>
  page
    .getByTestId("follow")
    .locator("option")
    .evaluateAll((os) => os.map((o) => o.textContent ?? ""));

describe("presence and Follow: one state, through reconnects and going offline", () => {
  const stage = useStage();
  const sessions: Session[] = [];

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
  });

  it("everyone in the avatar row is followable, and a reconnect keeps them there with their playhead", async () => {
    const [director, editor, showrunner] = await Promise.all(
      [stage.room.people.director, stage.room.people.editor, stage.room.people.showrunner].map((p) =>
        openSession(stage.browser, stage.server.url, p.token),
      ),
    );
    if (!director || !editor || !showrunner) throw new Error("no sessions");
    sessions.push(director, editor, showrunner);
    await editor.context.addInitScript(trackSockets);
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    await dCut.goto(stage.room.cutVersionId);
    await eCut.goto(stage.room.cutVersionId);
    await new CutReviewPage(showrunner.page).goto(stage.room.cutVersionId);

    // Idle arrivals (nobody moved yet): two avatars, the same two in the Follow menu.
    await dCut.presence().nth(1).waitFor();
    await director.page
      .getByTestId("follow")
      .locator("option", { hasText: stage.room.people.showrunner.name })
      .waitFor({ state: "attached" });
    expect(await dCut.presence().count()).toBe(2);
    expect((await followOptions(director.page)).slice(1).sort()).toEqual(
      [stage.room.people.editor.name, stage.room.people.showrunner.name].sort(),
    );

    // The director follows the editor, who parks on a frame.
    await director.page.getByTestId("follow").selectOption({ label: stage.room.people.editor.name });
    await eCut.step(30);
    await director.page.locator('[data-testid=timecode][data-frame="30"]').waitFor();

    // The editor's socket drops and comes back: no leave/rejoin in the director's room.
    await watchAvatarRemovals(director.page, stage.room.people.editor.name);
    await editor.page.locator("[data-connection=connected]").waitFor();
    const epoch = Number(await editor.page.locator(".app").getAttribute("data-epoch"));
    await cutSockets(editor.page);
    await editor.page
      .locator(`[data-connection=connected][data-epoch="${epoch + 1}"]`)
      .waitFor({ timeout: 30_000 });
    // Still followed after the reconnect: the director lands on the editor's next frames.
    await eCut.step(2);
    await director.page.locator('[data-testid=timecode][data-frame="32"]').waitFor();
    expect(await director.page.getByTestId("follow").inputValue()).not.toBe("");
    expect(await followOptions(director.page)).toContain(stage.room.people.editor.name);
    expect(await director.page.evaluate("globalThis.__gone")).toBe(0);
    // The editor's playhead on the director's timeline rests where the editor is.
    await director.page.locator(".tl-other", { hasText: "EE" }).waitFor();
    expect(await director.page.locator(".tl-other[title$='01:00:01:08']").count()).toBe(1);
  });

  it("a browser that goes offline says so at once, and clears when it is back", async () => {
    const director = sessions[0];
    if (!director) throw new Error("no session");
    await director.page.locator("[data-connection=connected]").waitFor();
    await director.context.setOffline(true);
    // No socket is cut: the browser's offline signal alone must show the banner.
    await director.page.getByTestId("connection-banner").waitFor({ timeout: 5_000 });
    await director.context.setOffline(false);
    await director.page.getByTestId("connection-banner").waitFor({ state: "detached", timeout: 30_000 });
  });
});
