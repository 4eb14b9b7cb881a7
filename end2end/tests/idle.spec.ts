// The idle-session warning: after the portal's idle time (20 minutes by default) a
// signed-in editor sees "Bạn đã không sử dụng Site…" with a live 60-second countdown.
// "Ở lại đăng nhập" keeps the session; letting it run out ends the session on the
// server, and what was typed in the editor is offered back after signing in again.
// Time is Playwright's fake clock, moved forward by the test.
import { test, expect, Page } from '@playwright/test';

async function signInToEditor(page: Page) {
  await page.clock.install();
  await page.goto('/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet%2Fmoi');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Tên đăng nhập').fill('bientap');
  await page.getByLabel('Mật khẩu').fill('bien-tap-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/moi$/);
  await expect(page.locator('.admin-who')).toContainText('Nguyễn Văn Biên');
  // the admin area is a page of its own: its island wakes once its part has loaded
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

const dialog = (page: Page) => page.getByRole('alertdialog');

test('the countdown runs and "stay signed in" keeps the session', async ({ page }) => {
  await signInToEditor(page);
  await expect(dialog(page)).toHaveCount(0);
  await page.clock.fastForward('19:00');
  await expect(dialog(page)).toHaveCount(0);
  await page.clock.fastForward('01:05');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('Bạn đã không sử dụng Site trong 20 phút');
  const seconds = dialog(page).locator('.idle-seconds');
  const first = Number(await seconds.textContent());
  expect(first).toBeGreaterThan(50);
  expect(first).toBeLessThanOrEqual(60);
  await page.clock.fastForward(5000);
  await expect.poll(async () => Number(await seconds.textContent())).toBeLessThanOrEqual(first - 4);

  const stay = page.getByRole('button', { name: 'Ở lại đăng nhập' });
  await expect(stay).toBeFocused();
  await stay.click();
  await expect(dialog(page)).toHaveCount(0);
  // still signed in, on the server too
  await page.goto('/quan-tri');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
});

test('when the countdown ends the session ends, and unsaved text comes back', async ({ page }) => {
  await signInToEditor(page);
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Bản tin chưa kịp lưu');
  await page.locator('#noi-dung-bai').click();
  await page.keyboard.type('Đoạn văn đang soạn dở.');
  await page.clock.fastForward('20:05');
  await expect(dialog(page)).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(page).toHaveURL(/\/dang-nhap\?ly-do=het-phien/);
  await expect(page.getByText('Phiên làm việc đã kết thúc')).toBeVisible();
  // the server no longer knows the session
  const res = await page.request.get('/quan-tri');
  expect(res.status()).toBe(401);

  await page.getByLabel('Tên đăng nhập').fill('bientap');
  await page.getByLabel('Mật khẩu').fill('bien-tap-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/moi$/);
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Khôi phục nội dung chưa lưu' }).click();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Bản tin chưa kịp lưu');
  await expect(page.locator('#noi-dung-bai p').first()).toHaveText('Đoạn văn đang soạn dở.');
});
