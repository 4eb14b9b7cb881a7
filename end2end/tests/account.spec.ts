// An editor signs in, sees their account and the header knows them, then signs out;
// a wrong password is explained; signing in also works with JavaScript off.
import { test, expect, Page } from '@playwright/test';

async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

test('an editor signs in and out', async ({ page }) => {
  await page.goto('/dang-nhap');
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill('bientap');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');

  await page.getByLabel('Mật khẩu').fill('bien-tap-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nguyễn Văn Biên' })).toBeVisible();
  await expect(page.getByText('Biên tập viên')).toBeVisible();
  await expect(page.locator('.user-box')).toContainText('Nguyễn Văn Biên');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/tai-khoan');
  await expect(page.getByText('Vui lòng đăng nhập để tiếp tục')).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the sign-in form still works', async ({ page }) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('bientap');
    await page.getByLabel('Mật khẩu').fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.getByLabel('Tên đăng nhập').fill('bientap');
    await page.getByLabel('Mật khẩu').fill('bien-tap-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/tai-khoan$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nguyễn Văn Biên' })).toBeVisible();
  });
});
