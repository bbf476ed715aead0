import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProductionPage } from "./pages/ProductionPage.js";
import { ScriptReviewPage } from "./pages/ScriptReviewPage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { launchBrowser, openSession, type Session, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** The seeded demo, as a new visitor meets it: one click on a demo account, then every screen. */
describe("demo production", () => {
  let server: RunningServer;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launchBrowser();
    session = await openSession(browser, server.url, null);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in with one click on a demo account and opens each review room", async () => {
    const { page } = session;
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.demoAccounts().filter({ hasText: "Director" }).click();
    await page.getByTestId("productions").waitFor();
    await page.getByTestId("productions").getByRole("link").first().click();
    const production = new ProductionPage(page);
    await page.getByTestId("production-title").waitFor();
    await production.activity().first().waitFor();
    await screenshot(page, "10-demo-production");

    for (const kind of ["SCRIPT", "CUT", "MIX"] as const) {
      await production.asset(kind).first().click();
      await page.locator(".room").waitFor();
      await page.getByTestId("notes-list").waitFor();
      if (kind === "MIX") await page.locator("[data-testid=waveform][data-ready=true]").waitFor();
      await page.waitForLoadState("networkidle");
      await screenshot(page, `11-demo-${kind.toLowerCase()}`);
      await page.goBack();
      await page.getByTestId("production-title").waitFor();
    }
  });

  it("shows the keyboard shortcuts on ?, and the room fits a 1280 px screen", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    const production = new ProductionPage(page);
    await production.asset("CUT").first().click();
    await page.getByTestId("timeline").waitFor();
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await screenshot(page, "12-shortcuts-1280");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    const overflow = await page.evaluate(() => {
      type Doc = { document: { documentElement: { scrollWidth: number; clientWidth: number } } };
      const el = (globalThis as unknown as Doc).document.documentElement;
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await page.setViewportSize({ width: 2560, height: 1440 });
    await screenshot(page, "13-cut-2560");
  });

  // Issue 16: the Blue revision shows White's open notes where their words are now.
  it("shows the Blue revision's carried notes with their badges, and computed revision marks", async () => {
    const { page } = session;
    await page.goto("/");
    await page.getByTestId("productions").getByRole("link").first().click();
    const production = new ProductionPage(page);
    await production.asset("SCRIPT").last().click();
    const script = new ScriptReviewPage(page);
    await page.getByTestId("screenplay").waitFor();
    await script.revision().filter({ hasText: "Blue" }).waitFor();
    await script.carriedNotes().nth(2).waitFor();
    const badgeAt = async (line: number) =>
      page.locator(`.sp-row[data-line="${line}"]`).getByTestId("carry-badge").textContent();
    expect(await badgeAt(94)).toBe("moved from line 95");
    expect(await badgeAt(25)).toBe("text changed");
    expect(await badgeAt(86)).toBe("lines removed");
    // The five changed lines of the pages (the title page's new draft date is not marked).
    expect(await script.revisionMarks().count()).toBe(5);
    // The typed asterisks are gone from the text: the marks are the only ones.
    expect(await page.locator('.sp-row[data-line="25"] .sp-el').textContent()).toBe("Harsh. Accurate. Fair.");

    await page
      .locator('.sp-row[data-line="25"]')
      .getByTestId("carried-margin-note")
      .getByRole("button")
      .click();
    const detail = page.getByTestId("carry-detail");
    await detail.waitFor();
    expect(await detail.locator("del").textContent()).toBe("Harsh. Fair.");
    expect(await detail.locator("ins").textContent()).toBe("Harsh. Accurate. Fair.");
    await screenshot(page, "14-demo-script-carried-notes");
  });

  // Issue 16: cut v2 shows v1's open notes on its timeline where their shots are now.
  it("draws cut v2's carried notes on the timeline at their new places, with the outcome", async () => {
    const { page } = session;
    await page.goto("/");
    await page.getByTestId("productions").getByRole("link").first().click();
    const production = new ProductionPage(page);
    await production.asset("CUT").first().click();
    await page.getByTestId("timeline").waitFor();
    const outcome = page
      .getByTestId("carried-time-note")
      .getByTestId("carried-outcome")
      .filter({ hasText: "moved +00:00:17:00 (shot reordered)" });
    await outcome.first().waitFor();
    const marker = page.getByTestId("timeline").getByTestId("carried-marker").first();
    expect(await marker.getAttribute("data-outcome")).toBe("MOVED");
    expect(await marker.getAttribute("aria-label")).toMatch(
      /^Carried note at \d\d:\d\d:\d\d:\d\d, carried from v1 at /,
    );
    await screenshot(page, "15-demo-cut-carried-notes");
  });

  // Issue 16 part 3: mix v2 is laid to the recut (cut v2), so mix v1's open notes followed the picture.
  it("draws mix v2's carried notes on the waveform and their stem's lane, and goes to one", async () => {
    const { page } = session;
    await page.goto("/");
    await page.getByTestId("productions").getByRole("link").first().click();
    const production = new ProductionPage(page);
    await production.asset("MIX").first().click();
    await page.locator("[data-testid=waveform][data-ready=true]").waitFor();
    const follows = "follows picture: cut v1 → v2";
    const item = page
      .getByTestId("carried-time-note")
      .filter({ hasText: `moved -00:00:08:00 (shot reordered); ${follows}` });
    await item.waitFor();
    expect(await page.getByTestId("carried-time-note").count()).toBe(3);
    // The dialogue note sits on the dialogue lane at its new place: 01:00:12:00 of 45 s.
    const marker = page.getByTestId("lane-DIALOGUE").getByTestId("lane-carried-marker");
    expect(await marker.getAttribute("data-outcome")).toBe("MOVED");
    expect(await marker.getAttribute("aria-label")).toBe(
      "Carried note at 01:00:12:00, carried from v1 at 01:00:20:00 by Rafael Ortiz",
    );
    const left = await marker.evaluate((el) => (el as unknown as { style: { left: string } }).style.left);
    expect(Number.parseFloat(left)).toBeCloseTo((288 / 1080) * 100, 3);
    expect(
      await page.getByTestId("lane-MUSIC").getByTestId("lane-carried-marker").getAttribute("data-outcome"),
    ).toBe("TRIMMED");
    // Going to it switches to its stem and seeks to where it is now.
    await item.getByRole("button").click();
    await page.locator('[data-testid=stem-DIALOGUE][aria-pressed="true"]').waitFor();
    await page.locator('[data-testid=timecode][data-frame="288"][data-settled="true"]').waitFor();
    expect(await page.getByTestId("timecode").textContent()).toBe("01:00:12:00");
    expect(await marker.getAttribute("data-selected")).toBe("true");
    // On the waveform (wavesurfer's regions, in its shadow DOM), once the dialogue stem has drawn.
    await page.locator("[data-testid=waveform][data-ready=true]").waitFor();
    const regions = await page.evaluate(`(() => {
      const hosts = [...document.querySelectorAll("[data-testid=waveform] *")].filter((e) => e.shadowRoot);
      return hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll("[part*='carried:']")]).map((e) => [
        e.textContent,
        Number.parseFloat(e.style.left),
      ]);
    })()`);
    expect(regions).toEqual([
      ["↪RO", expect.closeTo((288 / 1080) * 100, 3)],
      ["↪MC", expect.closeTo((1079 / 1080) * 100, 3)],
      ["↪LB", expect.closeTo((288 / 1080) * 100, 3)],
    ]);
    await screenshot(page, "16-demo-mix-carried-notes");
  });

  // Issue 13, finding 14: the client runs under its Content-Security-Policy. The first policy
  // stopped the mix waveform (wavesurfer plays fetched audio through a blob: URL); Chromium
  // reports every refused load or script as a console error, so none may appear.
  it("ran every screen above under the client's CSP with no violation", async () => {
    const res = await session.page.request.get(`${server.url}/`);
    expect(res.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(session.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
