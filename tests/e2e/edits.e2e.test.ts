import { describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { Api } from "./support/api.js";
import { openSession, screenshot } from "./support/browser.js";
import { useStage } from "./support/stage.js";

/** Issue #15 in the browser: an editor attaches the cut's EDL, a refused file names its line, OTIO exports. */
const EDL = [
  "TITLE: PILOT DIRECTORS CUT",
  "FCM: NON-DROP FRAME",
  "001  A001C003 V     C        11:02:10:00 11:02:30:00 01:00:00:00 01:00:20:00",
  "* FROM CLIP NAME: SC12_TK3",
  "002  B002C001 V     C        08:15:00:00 08:15:25:00 01:00:20:00 01:00:45:00",
  "* FROM CLIP NAME: SC13_TK1",
  "",
].join("\n");

describe("a cut's edit in the browser", () => {
  const stage = useStage();

  it("an editor attaches an EDL, sees a refused one's line, and a viewer of the room sees the edit", async () => {
    const editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const cut = new CutReviewPage(editor.page);
    await cut.goto(stage.room.cutVersionId);
    const summary = editor.page.getByTestId("cut-edit-summary");
    expect(await summary.textContent()).toBe("No edit");
    const input = editor.page.getByLabel("Attach the cut's EDL or OTIO");

    await input.setInputFiles({
      name: "broken.edl",
      mimeType: "text/plain",
      buffer: Buffer.from(EDL.replace("01:00:20:00 01:00:45:00", "01:00:45:00 01:00:20:00")),
    });
    const error = editor.page.getByTestId("cut-edit-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/line 5: record out is before record in/);

    await input.setInputFiles({ name: "pilot.edl", mimeType: "text/plain", buffer: Buffer.from(EDL) });
    await summary.filter({ hasText: "pilot.edl · 2 events" }).waitFor();
    await error.waitFor({ state: "detached" });
    await screenshot(editor.page, "40-cut-edit-attached");

    // The director (also a cut maker) opening the room later reads the same edit from the server.
    const director = await openSession(stage.browser, stage.server.url, stage.room.people.director.token);
    await new CutReviewPage(director.page).goto(stage.room.cutVersionId);
    await director.page.getByTestId("cut-edit-summary").filter({ hasText: "pilot.edl · 2 events" }).waitFor();
  });

  it("downloads the OTIO export as a timeline with the cut's notes as markers", async () => {
    const api = new Api(stage.server.url).as(stage.room.people.director.token);
    await api.request(
      `mutation($v: ID!) { addNote(input: { versionId: $v, body: "Hold the look", time: { startFrame: 48, endFrame: 71 } }) { id } }`,
      { v: stage.room.cutVersionId },
    );
    const editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    await new CutReviewPage(editor.page).goto(stage.room.cutVersionId);
    const [download] = await Promise.all([
      editor.page.waitForEvent("download"),
      editor.page.getByLabel("Export notes as markers").selectOption("OTIO"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.otio$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const otio = JSON.parse(await readFile(path, "utf8")) as {
      OTIO_SCHEMA: string;
      tracks: { markers: { comment: string; marked_range: { duration: { value: number } } }[] };
    };
    expect(otio.OTIO_SCHEMA).toBe("Timeline.1");
    const marker = otio.tracks.markers.find((m) => m.comment.includes("Hold the look"));
    expect(marker?.marked_range.duration.value).toBe(24);
  });
});
