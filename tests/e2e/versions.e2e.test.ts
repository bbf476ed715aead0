import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { Api, arrangeProduction, type Room, SCRIPT } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** A newer version arriving while someone reviews an older one, and the notes it carries. */
describe("versions: a newer version is announced live, and its carried notes work", () => {
  let server: RunningServer;
  let browser: Browser;
  let room: Room;
  let director: Session;

  beforeAll(async () => {
    server = await startServer();
    room = await arrangeProduction(new Api(server.url));
    browser = await launchBrowser();
    director = await openSession(browser, server.url, room.people.director.token);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const addVersion = async (input: Record<string, unknown>) =>
    (
      await new Api(server.url, room.people.showrunner.token).request<{ addVersion: { id: string } }>(
        `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
        { i: input },
      )
    ).addVersion.id;

  it("a director on script v1 is told of v2 as it arrives, with the carried count, and opens it", async () => {
    const script = new ScriptReviewPage(director.page);
    await script.goto(room.scriptVersionId);
    await script.selectLines(9, 11);
    await script.addNote("Keep the pause before You came back.");
    await script.note("Keep the pause").and(director.page.locator("[data-pending=false]")).waitFor();
    // No newer version yet: no announcement.
    expect(await director.page.getByTestId("newer-version").count()).toBe(0);

    const assetId = await director.page.getByTestId("room").getAttribute("data-asset-id");
    const sent = performance.now();
    const v2 = await addVersion({ assetId, text: `${SCRIPT}\nINT. HALL - NIGHT #3#\n\nA door.\n` });
    const banner = director.page.getByTestId("newer-version");
    await banner.getByText("A newer version exists: v2").waitFor();
    console.log(`v2 announced in v1's room after ${(performance.now() - sent).toFixed(0)} ms`);
    // Two open notes on v1: this one, and the script's own [[Check the rain with post]], which addVersion
    // imported as a note (importFountainNotes is on by default).
    await banner.getByTestId("newer-version-carried").filter({ hasText: "2 notes carried over" }).waitFor();
    await screenshot(director.page, "versions-newer-announced");

    await banner.getByRole("link", { name: "Open v2" }).click();
    await director.page.waitForURL((u) => u.pathname === `/script/${v2}`);
    await script.carriedNotes().filter({ hasText: "Keep the pause" }).waitFor();
    // v2 is the newest: no announcement there.
    expect(await director.page.getByTestId("newer-version").count()).toBe(0);
  });

  it("left no uncaught errors", () => {
    const relevant = (s: Session) => s.errors.filter((e) => !/Failed to load resource|WebSocket/.test(e));
    expect(relevant(director)).toEqual([]);
  });
});
