import { expect, type Page } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** The admin password the test server is started with; demo users share it. */
export const ADMIN_PASSWORD = "e2e-admin-password-1";

/** Logs in through the login page and waits for the layout. */
export async function login(page: Page, username: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/ユーザー名|Username/).fill(username);
  await page.getByRole("textbox", { name: /パスワード|Password/ }).fill(password);
  await page.getByRole("button", { name: /ログイン|Log in/ }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

/** Logs out through the user menu. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /^(ログアウト|Log out)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Collects console errors and CSP violations so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    // A 401 is how the app learns it is logged out (and how a wrong password is answered).
    if (msg.type() === "error" && !/status of 401/.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

/** A link in the module navigation (Japanese or English label). */
export function navLink(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page
    .getByRole("navigation", { name: /モジュール|Modules/ })
    .getByRole("link", { name: new RegExp(`^${escaped}(\\s|$)`) });
}
