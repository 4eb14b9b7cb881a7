// Steps the journeys share: waiting for hydration, and signing in on a page.
import { expect, Page } from '@playwright/test';

/// Waits until the WASM client has hydrated the page.
export async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/// Signs in on `page` through the sign-in form and waits for `landing` (a path).
export async function signIn(page: Page, username: string, password: string, landing: string) {
  await page.goto(`/dang-nhap?tiep=${encodeURIComponent(landing)}`);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/\//g, '\\/')}$`));
  await hydrated(page);
  // the landing page is outside the account pages' island, so the browser loads it
  // whole (the address changes a moment before the page does); tests then look at it
  // as a visitor opening it does: loaded afresh, its islands awake
  await page.goto(landing);
  await hydrated(page);
}
