import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { Api, arrangeProduction, type Room, SCRIPT } from "./support/api.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * A note left open on v1, worked on from v2's room: the director marks it "still applies" and the
 * showrunner sees who confirmed it live; the showrunner resolves it there and it leaves the
 * director's list live.
 */
describe("carried notes: worked on from the newer version, seen live by others", () => {
  let server: RunningServer;
  let browser: Browser;
  let room: Room;
  let director: Session;
  let showrunner: Session;
  let v2: string;
  const body = "Keep the thunder under the line.";

  beforeAll(async () => {
    server = await startServer();
    const api = new Api(server.url);
    room = await arrangeProduction(api);
    await api
      .as(room.people.director.token)
      .request(`mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`, {
        i: { versionId: room.scriptVersionId, body, script: { lineStart: 3, lineEnd: 3 } },
      });
    const sr = api.as(room.people.showrunner.token);
    const { version } = await sr.request<{ version: { asset: { id: string } } }>(
      `query($v: ID!) { version(id: $v) { asset { id } } }`,
      { v: room.scriptVersionId },
    );
    const added = await sr.request<{ addVersion: { id: string } }>(
      `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
      { i: { assetId: version.asset.id, text: `${SCRIPT}\nINT. HALL - NIGHT #3#\n\nA door.\n` } },
    );
    v2 = added.addVersion.id;
    browser = await launchBrowser();
    director = await openSession(browser, server.url, room.people.director.token);
    showrunner = await openSession(browser, server.url, room.people.showrunner.token);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The carried note's entry in the notes panel's "Open from earlier versions", expanded. */
  async function carriedEntry(s: Session) {
    await new ScriptReviewPage(s.page).goto(v2);
    const section = s.page.getByTestId("carried-notes");
    await section.locator("summary").click();
    const entry = section.getByTestId("carried-note").filter({ hasText: body });
    await entry.waitFor();
    return entry;
  }

  it("the director marks it still applies in v2; the showrunner sees who confirmed it, live", async () => {
    const mine = await carriedEntry(director);
    const theirs = await carriedEntry(showrunner);
    await theirs.getByRole("button", { name: "Still applies" }).waitFor();

    await mine.getByRole("button", { name: "Still applies" }).click();
    await mine.getByTestId("still-applies").filter({ hasText: "confirmed by Dana Director" }).waitFor();
    await theirs.getByTestId("still-applies").filter({ hasText: "confirmed by Dana Director" }).waitFor();
    expect(await theirs.getByRole("button", { name: "Still applies" }).count()).toBe(0);
    await screenshot(showrunner.page, "carried-still-applies-live");
  });

  it("the showrunner resolves it from v2; it leaves the director's list, live", async () => {
    const theirs = showrunner.page.getByTestId("carried-note").filter({ hasText: body });
    await theirs.getByRole("combobox", { name: "Status" }).selectOption("RESOLVED");
    await director.page.getByTestId("carried-note").filter({ hasText: body }).waitFor({ state: "detached" });
    await showrunner.page
      .getByTestId("carried-note")
      .filter({ hasText: body })
      .waitFor({ state: "detached" });
    await screenshot(director.page, "carried-resolved-live");
  });

  it("left no uncaught errors", () => {
    const relevant = (s: Session) => s.errors.filter((e) => !/Failed to load resource|WebSocket/.test(e));
    expect(relevant(director)).toEqual([]);
    expect(relevant(showrunner)).toEqual([]);
  });
});
