import type { Locator, Page } from "playwright-core";

/** What the script, cut and mix rooms share: the notes panel and the review panel. */
export class ReviewRoom {
  constructor(readonly page: Page) {}

  notes(): Locator {
    return this.page.getByTestId("note-card");
  }

  note(text: string): Locator {
    return this.notes().filter({ hasText: text });
  }

  composerAnchor(): Locator {
    return this.page.getByTestId("composer-anchor");
  }

  async addNote(body: string): Promise<void> {
    const composer = this.page.getByTestId("note-composer");
    await composer.getByRole("combobox", { name: "Note" }).fill(body);
    await composer.getByRole("button", { name: /^(Add|Queue) note$/ }).click();
  }

  async reply(noteText: string, body: string): Promise<void> {
    const card = this.note(noteText);
    await card.getByRole("button", { name: /^Reply/ }).click();
    await card.getByRole("combobox", { name: /Reply to/ }).fill(body);
    await card.getByRole("button", { name: "Reply", exact: true }).click();
  }

  replies(noteText: string): Locator {
    return this.note(noteText).getByTestId("reply");
  }

  async openReview(): Promise<void> {
    await this.page.getByTestId("tab-review").click();
  }

  async openNotes(): Promise<void> {
    await this.page.getByRole("tab", { name: /Notes/ }).click();
  }

  status(): Locator {
    return this.page.locator(".room-header [data-testid=version-status]");
  }

  async submitForReview(): Promise<void> {
    await this.openReview();
    await this.page.getByRole("button", { name: "Submit for review" }).click();
  }

  async approve(comment?: string): Promise<void> {
    await this.openReview();
    if (comment) await this.page.getByLabel("Comment (optional)").fill(comment);
    await this.page.getByRole("button", { name: "Approve" }).click();
    await this.confirmDecision();
  }

  /** The summary dialog every decision opens; returns its text, then confirms. */
  async confirmDecision(): Promise<string> {
    const dialog = this.page.getByTestId("confirm-decision");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    await this.page.getByTestId("confirm-decision-ok").click();
    await dialog.waitFor({ state: "detached" });
    return text;
  }

  presence(): Locator {
    return this.page.getByTestId("presence").locator("li");
  }
}
