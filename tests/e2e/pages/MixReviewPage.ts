import type { Page } from "playwright-core";
import { ReviewRoom } from "./ReviewRoom.js";

export class MixReviewPage extends ReviewRoom {
  constructor(page: Page) {
    super(page);
  }

  async goto(versionId: string): Promise<void> {
    await this.page.goto(`/mix/${versionId}`);
    await this.page.locator("[data-testid=waveform][data-ready=true]").waitFor();
  }

  async selectStem(stem: "FULL_MIX" | "DIALOGUE" | "MUSIC" | "EFFECTS"): Promise<void> {
    await this.page.getByTestId(`stem-${stem}`).click();
    await this.page.locator("[data-testid=waveform][data-ready=true]").waitFor();
  }

  loudness() {
    return this.page.getByTestId("loudness");
  }
}
