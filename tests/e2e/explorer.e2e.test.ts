import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSession, type Session, screenshot } from "./support/browser.js";
import { useStage } from "./support/stage.js";

const EDITORS = {
  query: ".graphiql-query-editor .CodeMirror",
  // Variables and Headers share the tools pane; the page opens with Headers shown.
  headers: ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror",
} as const;

/** Sets a GraphiQL editor's text through CodeMirror itself (typing would fight its bracket closing). */
async function setEditor(page: Page, editor: "query" | "headers", text: string): Promise<void> {
  const selector = EDITORS[editor];
  await page.locator(selector).waitFor();
  await page.evaluate(
    ([sel, value]) => {
      type Cm = { setValue(v: string): void };
      const el = (
        globalThis as unknown as { document: { querySelector(s: string): unknown } }
      ).document.querySelector(sel as string) as { CodeMirror: Cm };
      el.CodeMirror.setValue(value as string);
    },
    [selector, text],
  );
}

/** Runs the query editor's operation and waits until the response pane shows `expected`. */
async function run(page: Page, expected: string): Promise<string> {
  await page.locator(".graphiql-execute-button").click();
  const response = page.locator(".graphiql-response").filter({ hasText: expected });
  await response.waitFor();
  return (await response.textContent()) ?? "";
}

/** Offline: any request leaving the server's origin is refused, so a CDN dependency fails the test. */
async function offline(session: Session, origin: string): Promise<string[]> {
  const left: string[] = [];
  await session.context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    left.push(url);
    return route.abort();
  });
  return left;
}

describe("explorer: GraphiQL bundled and served by Greenlight, offline, under the app's CSP", () => {
  const stage = useStage();

  it("opens from /graphql in a browser with the browser's session and runs { me { id } }", async () => {
    const editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const origin = new URL(stage.server.url).origin;
    const left = await offline(editor, origin);
    await editor.page.goto("/graphql");
    expect(new URL(editor.page.url()).pathname).toBe("/graphiql");
    await setEditor(editor.page, "query", "{ me { id } }");
    const text = await run(editor.page, stage.room.people.editor.id);
    expect(text).toContain('"me"');
    await screenshot(editor.page, "explorer-me");
    expect(left).toEqual([]);
    // A CSP refusal (eval, an inline script, a font) is a console error; none may occur.
    expect(editor.errors).toEqual([]);
    await editor.context.close();
  });

  it("runs with an API token pasted into Headers when the browser holds no session", async () => {
    const author = await openSession(stage.browser, stage.server.url, null);
    await author.page.goto("/graphiql");
    const writer = stage.room.people.writer;
    await setEditor(author.page, "headers", JSON.stringify({ Authorization: `Bearer ${writer.token}` }));
    await setEditor(author.page, "query", "{ me { id } }");
    expect(await run(author.page, writer.id)).toContain(writer.id);
    await author.context.close();
  });
});
