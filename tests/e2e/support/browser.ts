import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { SCREENSHOTS } from "./paths.js";

type PageSocket = { close(code?: number, reason?: string): void };
/** The few browser globals the in-page scripts touch (this package compiles without the DOM lib). */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  WebSocket: new (url: string | URL, protocols?: string | string[]) => PageSocket;
  __sockets: PageSocket[];
}

/** Init script: makes every WebSocket the page opens reachable, so a test can cut the connection. */
export function trackSockets(): void {
  const g = globalThis as unknown as PageGlobals;
  const Native = g.WebSocket;
  const sockets: PageSocket[] = [];
  g.__sockets = sockets;
  g.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
}

/** Closes the page's sockets as a dropped network would (a non-normal close, so the client retries). */
export async function cutSockets(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const s of (globalThis as unknown as PageGlobals).__sockets) s.close(3000, "test: connection cut");
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen in this session, for assertions. */
  readonly errors: string[];
}

/**
 * A browser context already signed in as the sign-in form leaves it: the session token in the
 * httpOnly `gl_session` cookie, and the signed-in user's id (the JWT's `sub`) as the page's hint.
 */
export async function openSession(browser: Browser, baseURL: string, token: string | null): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 960 } });
  if (token) {
    await context.addCookies([
      { name: "gl_session", value: token, url: baseURL, httpOnly: true, sameSite: "Strict" },
    ]);
    // Serialised into the page: it may only use what it declares itself.
    await context.addInitScript((hint) => {
      const { localStorage } = globalThis as unknown as PageGlobals;
      if (!localStorage.getItem("greenlight.session")) localStorage.setItem("greenlight.session", hint);
    }, subjectOf(token));
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
    if (m.text().startsWith("Greenlight:")) console.log(`[browser] ${m.text()}`);
  });
  return { context, page, errors };
}

/** The user id a session token names, or a placeholder for a made-up token (the server refuses it). */
function subjectOf(token: string): string {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      sub?: string;
    };
    return payload.sub ?? "unknown";
  } catch {
    return "unknown";
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}
