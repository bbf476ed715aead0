import { describe, expect, it } from "vitest";
import { AuthoringForms } from "./pages/AuthoringForms.js";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { ProductionPage } from "./pages/ProductionPage.js";
import { openSession, type Session, screenshot } from "./support/browser.js";
import { useStage } from "./support/stage.js";

describe("authoring in the browser", () => {
  const stage = useStage();
  let showrunner: Session;
  let firstCutVersionId = "";

  it("a showrunner adds an episode, a cut and a 29.97 DF version; an editor's note there reads drop-frame", async () => {
    showrunner = await openSession(stage.browser, stage.server.url, stage.room.people.showrunner.token);
    const page = showrunner.page;
    await new ProductionPage(page).goto(stage.room.productionId);
    const forms = new AuthoringForms(page);
    await forms.episodeForm().scrollIntoViewIfNeeded();
    await screenshot(page, "19-authoring-forms");

    await forms.addEpisode(2, "The Drop");
    await forms.createAsset("Cut", "Ep 2 — assembly", "Episode 2 · The Drop");
    expect(page.url()).toMatch(/\/assets\/[^/]+\/new-version$/);

    await forms.field("Media URL").fill("/media/demo/cut-v1.webm");
    await forms.field("Frame rate").selectOption({ label: "29.97 DF" });
    // Choosing a drop-frame rate switches the separator; a label DF counting skips is refused live.
    expect(await forms.field("Start timecode").inputValue()).toBe("01:00:00;00");
    await forms.field("Start timecode").fill("00:01:00;00");
    await forms.fieldError("version-start").waitFor();
    expect(await forms.fieldError("version-start").textContent()).toMatch(/drop-frame/);
    expect(await forms.field("Start timecode").getAttribute("aria-describedby")).toContain(
      "version-start-error",
    );
    await forms.field("Start timecode").fill("01:00:00;00");
    await forms.fieldError("version-start").waitFor({ state: "detached" });
    // The duration comes from the media's metadata when it plays here, and the form says so.
    await forms
      .versionForm()
      .getByText(/From the media: .* frames at this rate/)
      .waitFor();
    await screenshot(page, "20-add-version-form");

    await forms
      .versionForm()
      .getByRole("button", { name: /^Add version/ })
      .click();
    await page.waitForURL(/\/cut\/[^/]+$/);
    const versionId = page.url().split("/").pop() ?? "";
    firstCutVersionId = versionId;

    const editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const cut = new CutReviewPage(editor.page);
    await cut.goto(versionId);
    expect(await cut.timecode().textContent()).toBe("01:00:00;00");
    // The demo media is 24 fps: stepping 29.97 frames over it settles where the media clock says, so
    // the test checks the label's drop-frame form rather than one exact frame.
    await cut.step(45);
    await cut.timecode().filter({ hasNotText: "01:00:00;00" }).waitFor();
    expect(await cut.timecode().textContent()).toMatch(/^01:00:0\d;\d\d$/);
    // Assigned to the showrunner as it is written (the composer's controls show once it has focus).
    await editor.page.getByTestId("note-composer").getByRole("combobox", { name: "Note" }).focus();
    await editor.page
      .getByTestId("note-composer")
      .getByLabel("Assignee")
      .selectOption({ label: `${stage.room.people.showrunner.name} · Showrunner` });
    await cut.addNote("Hold the wide a beat longer");
    const card = cut.note("Hold the wide a beat longer");
    // The server's anchor label (the optimistic one is replaced when the answer arrives): drop-frame too.
    await card.and(editor.page.locator("[data-pending=false]")).waitFor();
    const anchor = (await card.locator(".anchor-btn").textContent()) ?? "";
    expect(anchor).toMatch(/^01:00:0\d;\d\d$/);
    expect(anchor).not.toBe("01:00:00;00");
    expect(await card.getByTestId("note-assignee").textContent()).toContain(
      stage.room.people.showrunner.name,
    );
    await screenshot(editor.page, "21-note-on-drop-frame-cut");

    // The production page lists the new episode with its cut for everyone.
    await new ProductionPage(editor.page).goto(stage.room.productionId);
    await editor.page.getByRole("heading", { name: "Episode 2 · The Drop" }).waitFor();
    expect([...showrunner.errors, ...editor.errors]).toEqual([]);
  });

  it("the next version, added from the room, carries the open note with its version number", async () => {
    const page = showrunner.page;
    const forms = new AuthoringForms(page);
    await new CutReviewPage(page).goto(firstCutVersionId);
    await page.getByTestId("new-version").click();
    await forms.field("Media URL").fill("/media/demo/cut-v2.webm");
    await forms.field("Frame rate").selectOption({ label: "29.97 DF" });
    await forms.versionForm().getByRole("button", { name: "Add version 2" }).click();
    await page.waitForURL(
      (url) => /\/cut\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(firstCutVersionId),
    );

    const carried = page.getByTestId("carried-notes");
    await carried.getByText("Open from earlier versions (1)").click();
    const card = carried.getByTestId("note-card").filter({ hasText: "Hold the wide a beat longer" });
    await card.waitFor();
    expect(await carried.getByText("v1", { exact: true }).count()).toBe(1);
    expect(await card.getByTestId("note-assignee").textContent()).toContain(
      stage.room.people.showrunner.name,
    );
    await screenshot(page, "22-carried-over-notes");
    expect(showrunner.errors).toEqual([]);
  });
});
