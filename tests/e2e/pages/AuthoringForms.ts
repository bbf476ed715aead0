import type { Locator, Page } from "playwright-core";

/** The production page's authoring forms and the add-version page. */
export class AuthoringForms {
  constructor(readonly page: Page) {}

  episodeForm(): Locator {
    return this.page.getByRole("form", { name: "Add an episode" });
  }

  assetForm(): Locator {
    return this.page.getByRole("form", { name: "Create an asset" });
  }

  versionForm(): Locator {
    return this.page.getByTestId("add-version-form");
  }

  async addEpisode(number: number, title: string): Promise<void> {
    const form = this.episodeForm();
    await form.getByLabel("Number").fill(String(number));
    await form.getByLabel("Title").fill(title);
    await form.getByRole("button", { name: "Add episode" }).click();
  }

  /** Creates the asset; the app then opens its first version's form. */
  async createAsset(kind: "Script" | "Cut" | "Mix", title: string, episode: string): Promise<void> {
    const form = this.assetForm();
    await form.getByLabel("Kind").selectOption({ label: kind });
    await form.getByLabel("Title").fill(title);
    // The option appears once the new episode is in the cache.
    await form.getByLabel("Episode").locator("option", { hasText: episode }).waitFor({ state: "attached" });
    await form.getByLabel("Episode").selectOption({ label: episode });
    await form.getByRole("button", { name: /^Create/ }).click();
    await this.versionForm().waitFor();
  }

  field(label: string): Locator {
    return this.versionForm().getByLabel(label, { exact: true });
  }

  /** The error shown beside a field of the version form (linked by aria-describedby). */
  fieldError(id: string): Locator {
    return this.page.getByTestId(`${id}-error`);
  }
}
