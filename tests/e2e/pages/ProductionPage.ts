import type { Page } from "playwright-core";

export class ProductionPage {
  constructor(readonly page: Page) {}

  async goto(productionId: string): Promise<void> {
    await this.page.goto(`/productions/${productionId}`);
    await this.page
      .getByTestId("production-title")
      .waitFor()
      .catch(async (e: Error) => {
        throw new Error(
          `${e.message}\npage shows: ${(await this.page.locator("body").textContent())?.slice(0, 500)}`,
        );
      });
  }

  currentStage() {
    return this.page.getByTestId("stage-pipeline").locator("[aria-current=step]");
  }

  async setStage(label: string): Promise<void> {
    await this.page.getByTestId("stage-pipeline").getByRole("button", { name: label }).click();
  }

  activity() {
    return this.page.getByTestId("activity").locator("li");
  }

  members() {
    return this.page.getByTestId("members").locator("li");
  }

  asset(kind: "SCRIPT" | "CUT" | "MIX") {
    return this.page.getByTestId(`asset-${kind}`);
  }
}
