import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { Api, arrangeProduction, type Room } from "./api.js";
import { launchBrowser } from "./browser.js";
import { type RunningServer, startServer } from "./server.js";

/** What most browser tests stand on: a real server, one arranged production, one Chromium. */
export interface Stage {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly room: Room;
}

/**
 * Registers the hooks that start the server, arrange the production and launch the browser before the
 * describe block's tests, and close them after (a file's own later hooks run inside these). Returns
 * the stage they fill; reading it before the hooks ran is an error, not an undefined.
 */
export function useStage(): Stage {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let room: Room | undefined;
  beforeAll(async () => {
    server = await startServer();
    room = await arrangeProduction(new Api(server.url));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useStage: ${name} read before the beforeAll hook ran`);
    return value;
  };
  return {
    get server() {
      return ready(server, "server");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get room() {
      return ready(room, "room");
    },
  };
}
