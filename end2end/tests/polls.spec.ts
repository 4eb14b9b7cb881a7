// Bình chọn, on a phone and a desktop, with JavaScript off: a reader votes in the home
// page's poll, lands on the poll's page with the results as bars, and cannot vote twice.
import { test, expect } from '@playwright/test';

test('a reader votes in the home page poll without JavaScript', async ({ browser }, info) => {
  // a browser of its own: a reader without the visitor cookie yet is known by address
  // and browser, which the phone and desktop projects' Chromium would share
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: info.project.use.viewport ?? undefined,
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 toasoan-e2e-${info.project.name}`,
  });
  const page = await context.newPage();
  await page.goto('/');
  const poll = page.locator('.poll-box');
  await expect(poll).toContainText('qua thiết bị nào');
  await poll.getByLabel('Máy tính bảng').check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();

  await expect(page).toHaveURL(/\/binh-chon\/\d+\?da-binh-chon=1$/);
  await expect(page.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
  const rows = page.locator('.poll-results li');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Máy tính bảng' })).toContainText(/\d+ phiếu \(\d+%\)/);
  await expect(page.locator('.poll-total')).toContainText('lượt bình chọn');
  // the bars are as wide as the shares
  const width = await rows.first().locator('.poll-bar > span').getAttribute('style');
  expect(width).toMatch(/^width: \d+%;?$/);

  // a second vote from the same browser is refused, and said so
  await page.goto('/');
  await page.locator('.poll-box').getByLabel('Điện thoại di động').check();
  await page.locator('.poll-box').getByRole('button', { name: 'Bình chọn' }).click();
  await expect(page.locator('.poll-box .form-error')).toHaveText('Bạn đã bình chọn trong cuộc bình chọn này.');
  const href = await page.locator('.poll-box').getByRole('link', { name: 'Xem kết quả' }).getAttribute('href');
  await page.goto(href!);
  await expect(page.getByRole('status')).toHaveText('Bạn đã bình chọn trong cuộc bình chọn này.');
  await expect(page.locator('.poll-results li')).toHaveCount(3);
  await context.close();
});
