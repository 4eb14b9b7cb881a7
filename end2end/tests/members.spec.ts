// Internal bulletins: an article for members only is listed to everyone by its title
// with a lock mark; a visitor who opens it is sent to sign in and, signed in as a
// member, comes back to it and reads it.
import { test, expect } from '@playwright/test';
import { hydrated } from './support';

const BULLETIN = /Bản tin sinh hoạt chi bộ số 06/;

test('a visitor opening a bulletin is sent to sign in and, as a member, reads it', async ({ page }) => {
  await page.goto('/chuyen-muc/cong-tac-to-chuc');
  await hydrated(page);
  const card = page.locator('.card', { hasText: BULLETIN });
  await expect(card.locator('.members-mark')).toHaveText('Dành cho thành viên');
  // listed by its title alone: no sapo, no picture
  await expect(card.locator('.card-sapo')).toHaveCount(0);
  await expect(card.locator('img')).toHaveCount(0);
  await card.getByRole('link', { name: BULLETIN }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?tiep=\/bai-viet\/ban-tin-sinh-hoat-chi-bo-so-06/);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill('dangvien');
  await page.getByLabel('Mật khẩu').fill('dang-vien-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/bai-viet\/ban-tin-sinh-hoat-chi-bo-so-06/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BULLETIN);
  await expect(page.locator('.article-meta .members-mark')).toBeVisible();
  await expect(page.locator('.article-body')).toContainText('Bản tin dành cho cán bộ, đảng viên');
});
