// Visitor statistics: the footer's "Thống kê truy cập" block shows the numbers of the
// moment in its small frame (a cached page carries none), JavaScript or not; the
// editor-in-chief reads the period's report, its chart drawn on the server with the
// numbers in a table beside it, and narrows the period.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './support';

test('the block shows the numbers of the moment', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  const block = page.getByRole('region', { name: 'Thống kê truy cập' });
  await expect(block).toBeVisible();
  const frame = page.frameLocator('iframe.visit-frame');
  const online = frame.locator('#tk-dang-truy-cap');
  await expect(online).toHaveText(/^[\d.]+$/);
  expect(Number((await online.textContent())!.replace(/\./g, ''))).toBeGreaterThanOrEqual(1);
  for (const label of ['Máy chủ tìm kiếm', 'Khách viếng thăm', 'Hôm nay', 'Tháng hiện tại', 'Tổng lượt truy cập']) {
    await expect(frame.getByText(label)).toBeVisible();
  }
  // the demo's history is in the total
  const total = Number((await frame.locator('#tk-tong').textContent())!.replace(/\./g, ''));
  expect(total).toBeGreaterThan(1000);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the numbers show all the same', async ({ page }) => {
    await page.goto('/');
    await expect(page.frameLocator('iframe.visit-frame').locator('#tk-hom-nay')).toHaveText(/^[\d.]+$/);
  });
});

test('the editor-in-chief reads the report of a period', async ({ page }) => {
  await signIn(page, 'truongban', 'truong-ban-2026', '/quan-tri');
  await page.locator('.admin-nav a', { hasText: 'Thống kê' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/thong-ke$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thống kê truy cập');
  await expect(page.getByRole('img', { name: 'Lượt truy cập và lượt xem trang theo ngày' })).toBeVisible();
  const days = page.getByRole('table', { name: 'Theo ngày' });
  await expect(days.locator('tbody tr')).toHaveCount(30);
  await expect(page.getByRole('table', { name: 'Bài viết được đọc nhiều' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Nguồn giới thiệu' })).toContainText('zalo.me');
  // a week of it
  const to = await page.getByLabel('Đến ngày').inputValue();
  const from = new Date(Date.parse(to) - 6 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Từ ngày').fill(from);
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page).toHaveURL(new RegExp(`tu=${from}`));
  await expect(days.locator('tbody tr')).toHaveCount(7);
});
