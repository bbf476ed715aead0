import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Api } from "./support/api.js";
import { openSession, type Session, screenshot } from "./support/browser.js";
import { REPO_ROOT } from "./support/paths.js";
import { useStage } from "./support/stage.js";

const EDITORS = {
  query: ".graphiql-query-editor .CodeMirror",
  // Variables and Headers share the tools pane (the page opens with Headers shown): the visible one.
  tool: ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror",
} as const;

/** An editor's current text, read through CodeMirror. */
async function editorValue(page: Page, editor: keyof typeof EDITORS): Promise<string> {
  return page.evaluate((sel) => {
    type Cm = { getValue(): string };
    const el = (
      globalThis as unknown as { document: { querySelector(s: string): unknown } }
    ).document.querySelector(sel) as { CodeMirror: Cm } | null;
    return el?.CodeMirror.getValue() ?? "";
  }, EDITORS[editor]);
}

/** The operation names of schema/examples, read from the files the explorer bundles. */
function exampleOperations(): string[] {
  const dir = `${REPO_ROOT}schema/examples`;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(readFileSync(`${dir}/${f}`, "utf8"))?.[1];
      if (!name) throw new Error(`schema/examples/${f} has no named operation`);
      return name;
    });
}

/** Sets a GraphiQL editor's text through CodeMirror itself (typing would fight its bracket closing). */
async function setEditor(page: Page, editor: keyof typeof EDITORS, text: string): Promise<void> {
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
    await setEditor(author.page, "tool", JSON.stringify({ Authorization: `Bearer ${writer.token}` }));
    await setEditor(author.page, "query", "{ me { id } }");
    expect(await run(author.page, writer.id)).toContain(writer.id);
    await author.context.close();
  });

  it("opens each schema/examples operation as a tab and runs the ProductionEvents subscription over graphql-ws", async () => {
    const editor = await openSession(stage.browser, stage.server.url, stage.room.people.editor.token);
    const origin = new URL(stage.server.url).origin;
    const left = await offline(editor, origin);
    await editor.page.goto("/graphiql");
    const titles = editor.page.locator(".graphiql-tab .graphiql-tab-button");
    const examples = exampleOperations();
    expect(examples).toContain("ProductionEvents");
    // The welcome tab, then one tab per example file, in file-name order.
    await titles.nth(examples.length).waitFor();
    expect((await titles.allTextContents()).slice(1)).toEqual(examples);

    // GraphiQL loads CodeMirror lazily; a tab clicked before the query editor has mounted turns
    // active while the editor mounts with the first tab's text. Click once the editor holds it.
    await expect.poll(() => editorValue(editor.page, "query")).toContain("me {");
    await titles.nth(examples.indexOf("ProductionEvents") + 1).click();
    await editor.page.locator(".graphiql-tab-active").filter({ hasText: "ProductionEvents" }).waitFor();
    // A tab switch fills the editors a render after the tab turns active; text set before that is
    // replaced by the tab's own (empty) variables, so wait for the tab's query to be in the editor.
    await expect.poll(() => editorValue(editor.page, "query")).toContain("subscription ProductionEvents");
    // From the production's last cursor, as the example's comment says, so the note written below is
    // delivered whether it commits before or after the socket has subscribed.
    const writer = new Api(stage.server.url, stage.room.people.writer.token);
    const { production } = await writer.request<{ production: { lastEventCursor: string | null } }>(
      `query($p: ID!) { production(id: $p) { lastEventCursor } }`,
      { p: stage.room.productionId },
    );
    expect(production.lastEventCursor).toBeTruthy();
    await editor.page.getByRole("button", { name: "Variables" }).click();
    // Until the click has re-rendered, the visible tool editor is still Headers.
    await editor.page.locator('.graphiql-editor-tools button[data-name="variables"].active').waitFor();
    const variables = JSON.stringify({
      productionId: stage.room.productionId,
      after: production.lastEventCursor,
    });
    await setEditor(editor.page, "tool", variables);
    await expect.poll(() => editorValue(editor.page, "tool")).toBe(variables);
    await editor.page.locator(".graphiql-execute-button").click();
    await editor.page.locator('.graphiql-execute-button[aria-label^="Stop"]').waitFor();
    const body = `Explorer live ${Date.now()}`;
    await writer.request(`mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`, {
      i: { versionId: stage.room.scriptVersionId, body, script: { lineStart: 1, lineEnd: 1 } },
    });
    // Polled on the pane's text, so a failure shows what the pane held (an error, another event).
    const pane = editor.page.locator(".graphiql-response");
    await expect.poll(async () => (await pane.textContent()) ?? "", { timeout: 30_000 }).toContain(body);
    expect(await pane.textContent()).toContain("NOTE_ADDED");
    await screenshot(editor.page, "explorer-subscription");
    expect(left).toEqual([]);
    expect(editor.errors).toEqual([]);
    await editor.context.close();
  });
});
