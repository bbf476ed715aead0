import { beforeAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { openSession, type Session, screenshot } from "./support/browser.js";
import { useStage } from "./support/stage.js";

/** The room's cut: 24 fps from 01:00:00:00, 1080 frames. */
describe("navigation: typed timecode jumps, and a link for every note and frame", () => {
  const stage = useStage();
  let editor: Session;
  let director: Session;

  beforeAll(async () => {
    editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    await editor.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    director = await openSession(stage.browser, stage.server.url, stage.room.people.director.token);
  });

  const at = (s: Session, frame: number) =>
    s.page.locator(`[data-testid=timecode][data-settled=true][data-frame="${frame}"]`).waitFor();

  it("goes to a typed timecode, offset or frame, from the transport and from G", async () => {
    const cut = new CutReviewPage(editor.page);
    await cut.goto(stage.room.cutVersionId);
    const jump = editor.page.getByTestId("jump");
    await jump.fill("01:00:10:05");
    await jump.press("Enter");
    await at(editor, 245);
    expect(await cut.timecode().textContent()).toBe("01:00:10:05");

    await editor.page.locator("body").click({ position: { x: 5, y: 5 } });
    await editor.page.keyboard.press("g");
    expect(await jump.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await editor.page.keyboard.type("+2s");
    await editor.page.keyboard.press("Enter");
    await at(editor, 293);
    expect(await cut.timecode().textContent()).toBe("01:00:12:05");

    await editor.page.keyboard.press("g");
    await editor.page.keyboard.type("14:00");
    await editor.page.keyboard.press("Enter");
    await at(editor, 336);

    await jump.fill("f120");
    await jump.press("Enter");
    await at(editor, 120);

    await jump.fill("in a bit");
    await jump.press("Enter");
    await editor.page.getByTestId("jump-error").waitFor();
    await jump.fill("01:00:50:00");
    await jump.press("Enter");
    expect(await editor.page.getByTestId("jump-error").textContent()).toContain(
      "past the last frame (01:00:44:23)",
    );
    await screenshot(editor.page, "navigation-jump-error");
    await jump.press("Escape");
    // Still where it was: a bad entry never moves the playhead.
    await at(editor, 120);
    // The address bar follows the resting frame.
    await editor.page.waitForURL((u) => u.searchParams.get("t") === "01:00:05:00");
  });

  it("a note's Copy link opens the room at the note, selected, for someone else", async () => {
    const cut = new CutReviewPage(editor.page);
    await cut.addNote("Hold on the reaction two frames longer");
    const card = cut.note("Hold on the reaction").and(editor.page.locator("[data-pending=false]"));
    await card.waitFor();
    const noteId = await card.getAttribute("data-note-id");
    const copied =
      (await card.getByRole("link", { name: "Copy a link to this note" }).getAttribute("href")) ?? "";
    const link = new URL(copied);
    expect(link.pathname).toBe(`/v/${stage.room.cutVersionId}`);
    expect(link.searchParams.get("t")).toBe("01:00:05:00");
    expect(link.searchParams.get("note")).toBe(noteId);

    await director.page.goto(`${link.pathname}${link.search}`);
    await director.page.waitForURL((u) => u.pathname === `/cut/${stage.room.cutVersionId}`);
    await at(director, 120);
    await director.page.locator(`[data-note-id="${noteId}"][data-selected=true]`).waitFor();

    // Selecting another position and a plain frame link.
    await director.page.goto(`/v/${stage.room.cutVersionId}?t=${encodeURIComponent("01:00:20:00")}`);
    await at(director, 480);
    const frameLink = await director.page.getByTestId("copy-frame-link").getAttribute("href");
    expect(new URL(frameLink ?? "").searchParams.get("t")).toBe("01:00:20:00");
  });

  it("a script note's link scrolls to its lines and selects it", async () => {
    const writer = await openSession(stage.browser, stage.server.url, stage.room.people.writer.token);
    const script = new ScriptReviewPage(writer.page);
    await script.goto(stage.room.scriptVersionId);
    await script.selectLines(20, 21);
    await script.addNote("The roof beat needs a line of its own");
    const card = script.note("The roof beat").and(writer.page.locator("[data-pending=false]"));
    await card.waitFor();
    const href = await card.getByRole("link", { name: "Copy a link to this note" }).getAttribute("href");
    const noteId = await card.getAttribute("data-note-id");
    const link = new URL(href ?? "");
    await director.page.goto(`${link.pathname}${link.search}`);
    await director.page.waitForURL((u) => u.pathname === `/script/${stage.room.scriptVersionId}`);
    await director.page.locator(`[data-note-id="${noteId}"][data-selected=true]`).waitFor();
    await writer.context.close();
  });

  it("left no uncaught errors", () => {
    const relevant = (s: Session) => s.errors.filter((e) => !/Failed to load resource|WebSocket/.test(e));
    expect(relevant(editor)).toEqual([]);
    expect(relevant(director)).toEqual([]);
  });
});
