import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CutReviewPage } from "./pages/CutReviewPage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { Api, arrangeProduction, type Room } from "./support/api.js";
import { launchBrowser, openSession, screenshot } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/server.js";

/** Issue #13 in the browser: the session is an httpOnly cookie, and "sign out everywhere" works. */
describe("web sessions", () => {
  let server: RunningServer;
  let browser: Browser;
  let room: Room;

  beforeAll(async () => {
    server = await startServer();
    room = await arrangeProduction(new Api(server.url));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signing in leaves no token a script can read, and sign out everywhere ends the other browser's room", async () => {
    const editor = room.people.editor;
    // Browser A signs in through the form, as a person would.
    const a = await openSession(browser, server.url, null);
    const form = new SignInPage(a.page);
    await form.goto();
    await form.signIn(editor.email, "e2e-password-1");
    await a.page.getByTestId("current-user").waitFor();
    const cookies = await a.context.cookies();
    const session = cookies.find((c) => c.name === "gl_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Strict");
    const readable = await a.page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { cookie: string };
        localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
      };
      const stored: string[] = [];
      for (let i = 0; i < g.localStorage.length; i++)
        stored.push(g.localStorage.getItem(g.localStorage.key(i) ?? "") ?? "");
      return { cookie: g.document.cookie, stored: stored.join("\n") };
    });
    expect(readable.cookie).not.toContain("gl_session");
    expect(readable.stored).not.toContain(session?.value ?? "no cookie");
    expect(readable.stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT anywhere in storage

    // Browser B: the same person, live in the cut room.
    const b = await openSession(browser, server.url, editor.token);
    const cut = new CutReviewPage(b.page);
    await cut.goto(room.cutVersionId);
    await b.page.locator("[data-connection=connected]").waitFor();

    await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
    const dialog = a.page.getByTestId("sign-out-everywhere-dialog");
    await dialog.waitFor();
    await screenshot(a.page, "sign-out-everywhere");
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();

    await new SignInPage(a.page).notice().waitFor();
    expect(await new SignInPage(a.page).notice().textContent()).toContain("Signed out everywhere");
    // B's socket closed with 4403: its room gives way to sign-in, saying why.
    const bSignIn = new SignInPage(b.page);
    await bSignIn.notice().waitFor();
    expect(await bSignIn.notice().textContent()).toContain("Your session expired");
    await a.context.close();
    await b.context.close();
  });
});
