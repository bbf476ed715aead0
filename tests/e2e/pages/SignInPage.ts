import type { Page } from "playwright-core";

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
    await this.page.getByRole("heading", { name: "Sign in" }).waitFor();
  }

  demoAccounts() {
    return this.page.getByRole("region", { name: "Demo accounts" }).getByRole("button");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  notice() {
    return this.page.getByRole("status").filter({ hasText: "session" });
  }
}
