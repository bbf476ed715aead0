import type { Page } from "playwright-core";
import { ReviewRoom } from "./ReviewRoom.js";

export class CutReviewPage extends ReviewRoom {
  constructor(page: Page) {
    super(page);
  }

  async goto(versionId: string): Promise<void> {
    await this.page.goto(`/cut/${versionId}`);
    await this.page.getByTestId("video").waitFor();
    // The timeline appears once the duration is known; the clock is then live.
    await this.page.getByTestId("timeline").waitFor();
  }

  timecode() {
    return this.page.getByTestId("timecode");
  }

  /** Frame-steps with the arrow keys (the way an editor parks on a frame). */
  async step(frames: number): Promise<void> {
    await this.page
      .locator("body")
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    const key = frames >= 0 ? "ArrowRight" : "ArrowLeft";
    for (let i = 0; i < Math.abs(frames); i++) await this.page.keyboard.press(key);
  }

  markers() {
    return this.page.getByTestId("timeline-marker");
  }
}
