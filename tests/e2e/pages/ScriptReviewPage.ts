import type { Page } from "playwright-core";
import { ReviewRoom } from "./ReviewRoom.js";

export class ScriptReviewPage extends ReviewRoom {
  constructor(page: Page) {
    super(page);
  }

  async goto(versionId: string): Promise<void> {
    await this.page.goto(`/script/${versionId}`);
    await this.page.getByTestId("screenplay").waitFor();
  }

  /** The line number in the screenplay's gutter (a note card's "Line n" anchor button is another). */
  gutter(line: number) {
    return this.page.getByTestId("screenplay").getByRole("button", { name: `Line ${line}`, exact: true });
  }

  /** Click the first line's number, Shift+click the last, like selecting rows in a list. */
  async selectLines(from: number, to: number): Promise<void> {
    await this.gutter(from).click();
    await this.gutter(to).click({ modifiers: ["Shift"] });
  }

  marginNotes() {
    return this.page.getByTestId("margin-note");
  }

  /** Notes carried from the previous version, in the margin at their new lines. */
  carriedNotes() {
    return this.page.getByTestId("carried-margin-note");
  }

  /** The computed revision asterisks. */
  revisionMarks() {
    return this.page.getByTestId("rev-mark");
  }

  revision() {
    return this.page.getByTestId("revision");
  }
}
