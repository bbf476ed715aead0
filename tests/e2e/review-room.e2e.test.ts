import { describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { MixReviewPage } from "./pages/MixReviewPage.js";
import { ProductionPage } from "./pages/ProductionPage.js";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { cutSockets, openSession, type Session, screenshot, trackSockets } from "./support/browser.js";
import { useStage } from "./support/stage.js";

/** Playwright-core has no test runner assertions; wait for a condition on the page instead. */
async function waitFor(what: () => Promise<boolean>, label: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await what()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    // Yield to the event loop between probes; each probe itself waits on the browser.
    await new Promise((r) => setImmediate(r));
  }
}

describe("review rooms, live", () => {
  const stage = useStage();
  let director: Session;
  let editor: Session;
  let showrunner: Session;

  it("signs in from the form, lists the demo accounts, and shows the production", async () => {
    director = await openSession(stage.browser, stage.server.url, null);
    await director.context.addInitScript(trackSockets);
    const signIn = new SignInPage(director.page);
    await signIn.goto();
    expect(await signIn.demoAccounts().count()).toBe(8);
    await screenshot(director.page, "01-sign-in");
    await signIn.signIn(stage.room.people.director.email, "e2e-password-1");
    await director.page.getByTestId("productions").waitFor();
    await screenshot(director.page, "02-productions");

    const production = new ProductionPage(director.page);
    await production.goto(stage.room.productionId);
    expect(await production.currentStage().textContent()).toBe("Development");
    expect(await production.members().count()).toBe(5);
    await production.asset("CUT").waitFor();
    await screenshot(director.page, "03-production");
  });

  it("the director sees the editor's note at a timecode appear live, and the editor sees the reply", async () => {
    editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    await dCut.goto(stage.room.cutVersionId);
    await eCut.goto(stage.room.cutVersionId);
    // Presence: each sees the other in the room.
    await dCut.presence().first().waitFor();
    await eCut.presence().first().waitFor();

    await eCut.step(36);
    await waitFor(
      async () => (await eCut.timecode().textContent()) === "01:00:01:12",
      "editor parked at 01:00:01:12",
    );
    expect(await eCut.composerAnchor().textContent()).toBe("01:00:01:12");

    const body = "Trim the pause before Mara's line";
    const sent = performance.now();
    await eCut.addNote(body);
    await dCut.note(body).waitFor();
    const liveMs = performance.now() - sent;
    console.log(`note appeared live for the director after ${liveMs.toFixed(0)} ms`);
    expect(await dCut.note(body).textContent()).toContain("01:00:01:12");
    expect(await dCut.markers().count()).toBe(1);

    // Clicking the note seeks the director's player to it.
    await dCut.note(body).getByRole("button", { name: "01:00:01:12" }).click();
    await waitFor(
      async () => (await dCut.timecode().textContent()) === "01:00:01:12",
      "director seeks to the note",
    );

    // Follow: the director's player tracks the editor's playhead.
    await director.page.getByTestId("follow").selectOption({ label: stage.room.people.editor.name });
    await eCut.step(24);
    await waitFor(
      async () => (await eCut.timecode().textContent()) === "01:00:02:12",
      "editor at 01:00:02:12",
    );
    await waitFor(
      async () => (await dCut.timecode().textContent()) === "01:00:02:12",
      "director follows the editor",
    );
    await director.page.getByTestId("follow").selectOption({ label: "Follow: no one" });

    await dCut.reply(body, "Agreed — take out six frames.");
    await eCut.replies(body).filter({ hasText: "six frames" }).waitFor();
    await screenshot(editor.page, "04-cut-review");
  });

  it("submit, director approves, showrunner approves: both see Approved", async () => {
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    await eCut.submitForReview();
    await waitFor(async () => (await dCut.status().textContent()) === "In review", "director sees In review");

    await dCut.approve("Good to go from me.");
    // One approving role is still missing, so the version stays in review.
    await director.page.getByTestId("approval-progress").getByText("Dana Director").waitFor();
    expect(await dCut.status().textContent()).toBe("In review");

    showrunner = await openSession(stage.browser, stage.server.url, stage.room.people.showrunner.token);
    const sCut = new CutReviewPage(showrunner.page);
    await sCut.goto(stage.room.cutVersionId);
    await sCut.approve();
    for (const page of [dCut, eCut, sCut]) {
      await waitFor(async () => (await page.status().textContent()) === "Approved", "everyone sees Approved");
    }
    await eCut.openReview();
    await screenshot(editor.page, "05-review-panel");
    await eCut.openNotes();
  });

  it("adds a script note on selected lines, shown in the margin", async () => {
    const writer = await openSession(stage.browser, stage.server.url, stage.room.people.writer.token);
    const script = new ScriptReviewPage(writer.page);
    await script.goto(stage.room.scriptVersionId);
    expect(await script.revision().textContent()).toContain("Blue Revision");
    await script.selectLines(9, 11);
    expect(await script.composerAnchor().textContent()).toBe("Lines 9–11");
    await script.addNote("Mara's line lands harder **without** the parenthetical.");
    await script.note("lands harder").waitFor();
    expect(await script.note("lands harder").textContent()).toContain("Lines 9–11");
    await script.marginNotes().first().waitFor();

    // The director, in the same script, sees it live in the margin too.
    const dScript = new ScriptReviewPage(director.page);
    await dScript.goto(stage.room.scriptVersionId);
    await dScript.marginNotes().first().waitFor();
    await screenshot(writer.page, "06-script-review");
    await writer.context.close();
  });

  it("adds a mix note on the dialogue stem", async () => {
    const sound = await openSession(stage.browser, stage.server.url, stage.room.people.soundDesigner.token);
    const mix = new MixReviewPage(sound.page);
    await mix.goto(stage.room.mixVersionId);
    expect(await mix.loudness().textContent()).toContain("-21.6 LKFS");
    await mix.selectStem("DIALOGUE");
    expect(await mix.composerAnchor().textContent()).toContain("Dialogue");
    await mix.addNote("Dialogue dips under the rain at the top.");
    const card = mix.note("dips under the rain");
    await card.waitFor();
    expect((await card.textContent())?.toLowerCase()).toContain("dialogue");
    await screenshot(sound.page, "07-mix-review");

    // Note bodies are Markdown rendered and sanitised: no author HTML or script URLs reach the page.
    await mix.addNote('Check [this](javascript:alert(1)) <img src=x onerror="alert(1)"> **now**');
    const hostile = mix.note("Check this");
    await hostile.waitFor();
    expect(await hostile.locator("img").count()).toBe(0);
    expect(await hostile.locator("a[href^='javascript']").count()).toBe(0);
    expect(await hostile.locator(".md strong").textContent()).toBe("now");
    await sound.context.close();
  });

  it("after the socket drops and comes back, notes added meanwhile appear exactly once", async () => {
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    await dCut.goto(stage.room.cutVersionId);
    // Cut a live connection, not one still being set up, after the director's stream has a cursor
    // (one live event applied), so the resubscription resumes with `after`.
    await director.page.locator("[data-connection=connected]").waitFor();
    await eCut.addNote("Before the drop");
    await dCut.note("Before the drop").waitFor();
    const before = await dCut.notes().count();

    await director.context.setOffline(true);
    await cutSockets(director.page);
    await director.page.getByTestId("connection-banner").waitFor();
    await screenshot(director.page, "08-offline-banner");

    const bodies = ["Offline note one", "Offline note two", "Offline note three"];
    for (const b of bodies) {
      await eCut.step(12);
      await eCut.addNote(b);
      await eCut.note(b).waitFor();
    }

    await director.context.setOffline(false);
    await director.page.getByTestId("connection-banner").waitFor({ state: "detached", timeout: 30_000 });
    for (const b of bodies) await dCut.note(b).waitFor();
    // Let any late duplicate arrive before counting: one more live note must land after them.
    await eCut.addNote("Back online check");
    await dCut.note("Back online check").waitFor();
    for (const b of bodies) expect(await dCut.note(b).count()).toBe(1);
    expect(await dCut.notes().count()).toBe(before + bodies.length + 1);
  });

  it("exports notes as markers, and edits and deletes a note live", async () => {
    const dCut = new CutReviewPage(director.page);
    const eCut = new CutReviewPage(editor.page);
    const download = editor.page.waitForEvent("download");
    await editor.page.getByLabel("Export notes as markers").selectOption("AVID_TXT");
    const file = await (await download).path();
    const { readFile } = await import("node:fs/promises");
    const markers = await readFile(file, "utf8");
    expect(markers).toContain("01:00:01:12");
    expect(markers).toContain("Trim the pause");

    const card = eCut.note("Back online check");
    await card.getByRole("button", { name: "Edit", exact: true }).click();
    await card.getByRole("combobox", { name: "Edit note" }).fill("Back online check — edited");
    await card.getByRole("button", { name: "Save" }).click();
    await dCut.note("Back online check — edited").waitFor();

    await eCut
      .note("Back online check — edited")
      .getByRole("button", { name: "Delete", exact: true })
      .click();
    await eCut.note("Back online check — edited").getByRole("button", { name: "Delete note" }).click();
    await dCut.note("Back online check — edited").waitFor({ state: "detached" });
    await eCut.note("Back online check — edited").waitFor({ state: "detached" });
  });

  it("sends an expired session back to sign-in with a message", async () => {
    const stale = await openSession(stage.browser, stage.server.url, "not-a-valid-token");
    await stale.page.goto("/");
    const signIn = new SignInPage(stale.page);
    await signIn.notice().waitFor();
    expect(await signIn.notice().textContent()).toContain("Your session expired");
    await stale.context.close();
  });

  it("left no uncaught errors in the review sessions", () => {
    const relevant = (s: Session) => s.errors.filter((e) => !/Failed to load resource|WebSocket/.test(e));
    expect(relevant(director)).toEqual([]);
    expect(relevant(editor)).toEqual([]);
    expect(relevant(showrunner)).toEqual([]);
  });
});
