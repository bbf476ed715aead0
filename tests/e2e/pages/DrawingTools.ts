import type { Locator, Page } from "playwright-core";

/** The picture's drawing layer in a cut room: the tools, the editor surface and the overlay. */
export class DrawingTools {
  constructor(readonly page: Page) {}

  editor(): Locator {
    return this.page.getByTestId("drawing-editor");
  }

  overlay(): Locator {
    return this.page.getByTestId("drawing-overlay");
  }

  toolbar(): Locator {
    return this.page.getByTestId("drawing-toolbar");
  }

  async button(name: string | RegExp): Promise<void> {
    await this.page.getByRole("button", { name, exact: typeof name === "string" }).click();
  }

  /** Drags from one point to another of the picture, given as 0–1 of its width and height. */
  async drag(from: [number, number], to: [number, number]): Promise<void> {
    const box = await this.editor().boundingBox();
    if (!box) throw new Error("no drawing surface");
    const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
    const [x1, y1] = at(from);
    const [x2, y2] = at(to);
    await this.page.mouse.move(x1, y1);
    await this.page.mouse.down();
    await this.page.mouse.move(x2, y2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Waits until the editor holds `n` shapes. */
  async shapes(n: number): Promise<void> {
    await this.page.locator(`[data-testid=drawing-editor][data-shapes="${n}"]`).waitFor();
  }
}
