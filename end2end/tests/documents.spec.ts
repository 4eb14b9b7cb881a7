// The documents library: a reader filters the documents by type and year, finds one
// by its number, opens it, reads its PDF in the page (wide screens) or opens and
// downloads it (phones), and scans its QR code; a visitor opening a members-only
// document is sent to sign in and, signed in as a member, reads it and gets its file.
import { test, expect } from '@playwright/test';
import { decodeQr, hydrated } from './support';

test('a reader filters documents by type and year and opens one', async ({ page }) => {
  await page.goto('/van-ban');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Văn bản');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  await page.getByLabel('Năm ban hành').selectOption('2021');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page).toHaveURL(/loai=quyet-dinh/);
  await expect(page).toHaveURL(/nam=2021/);
  const items = page.locator('.doc-list > li');
  await expect(items).toHaveCount(1);
  await expect(page.locator('.doc-found')).toHaveText('Tìm thấy 1 văn bản');
  await items.getByRole('link', { name: 'Quyết định 2466-QĐ/TU' }).click();
  await expect(page).toHaveURL(/\/van-ban\/2466-qd-tu-2021$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quyết định 2466-QĐ/TU');
  const fields = page.locator('.doc-fields');
  await expect(fields).toContainText('Ban Thường vụ Tỉnh ủy');
  await expect(fields).toContainText('04/10/2021');
  await expect(fields).toContainText('Còn hiệu lực');
  // the articles about it
  await expect(page.getByRole('region', { name: 'Tin bài về văn bản' })).toContainText(
    'Văn phòng không giấy tờ',
  );
});

test('a number finds its document, with or without its suffix', async ({ page }) => {
  for (const asked of ['2466', '2466-QĐ/TU']) {
    await page.goto('/van-ban');
    await hydrated(page);
    await page.getByLabel('Số hiệu hoặc trích yếu').fill(asked);
    await page.getByLabel('Số hiệu hoặc trích yếu').press('Enter');
    await expect(page.locator('.doc-list > li')).toHaveCount(1);
    await expect(page.locator('.doc-name a')).toHaveText('Quyết định 2466-QĐ/TU');
  }
  // words of the summary, typed without diacritics
  await page.goto('/van-ban?q=sinh+hoat+chi+bo');
  await expect(page.locator('.doc-name a').first()).toBeVisible();
  await expect(page.locator('.doc-summary').first()).toContainText(/sinh hoạt/i);
});

test('the PDF reads in the page on wide screens and opens or downloads on phones', async ({ page }, info) => {
  await page.goto('/van-ban/2466-qd-tu-2021');
  await hydrated(page);
  const viewer = page.locator('object.doc-viewer');
  const open = page.getByRole('link', { name: /^Mở toàn văn \(PDF\) / });
  const inline = await open.getAttribute('href');
  expect(inline).toMatch(/^\/van-ban\/2466-qd-tu-2021\/tep\/\d+$/);
  if (info.project.name === 'phone') {
    await expect(viewer).toBeHidden();
  } else {
    await expect(viewer).toBeVisible();
    await expect(viewer).toHaveAttribute('data', inline!);
  }
  const answer = await page.request.get(inline!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('application/pdf');
  expect(answer.headers()['content-disposition']).toMatch(/^inline/);
  // the download link names the file's type and size
  const download = page.getByRole('link', { name: /^Tải về .+\(PDF, \d+ KB\)$/ });
  await expect(download).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
});

test('the QR code of a document opens that document', async ({ page }) => {
  await page.goto('/van-ban/22-nq-tu-2021');
  await hydrated(page);
  const qr = page.getByRole('img', { name: 'Mã QR dẫn tới trang văn bản 22-NQ/TU' });
  await qr.scrollIntoViewIfNeeded();
  await expect(qr).toBeVisible();
  const decoded = await decodeQr(page, '.doc-qr img');
  expect(decoded).toBe(new URL('/van-ban/22-nq-tu-2021', page.url()).toString());
});

test('a members-only document sends a visitor to sign in; a member reads it', async ({ page }) => {
  await page.goto('/van-ban?loai=bao-cao');
  await hydrated(page);
  const card = page.locator('.doc-card', { hasText: '30-BC/TU' });
  await expect(card.locator('.members-mark')).toHaveText('Dành cho thành viên');
  await card.getByRole('link', { name: 'Báo cáo 30-BC/TU' }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?tiep=\/van-ban\/30-bc-tu-2025$/);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill('dangvien');
  await page.getByLabel('Mật khẩu').fill('dang-vien-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/van-ban\/30-bc-tu-2025$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo 30-BC/TU');
  await expect(page.locator('.doc-lead')).toContainText('Báo cáo tổng kết công tác xây dựng Đảng năm 2025');
  const file = await page.locator('.doc-file-links a[download]').getAttribute('href');
  // the member's browser gets the file; a browser without the session does not
  expect((await page.request.get(file!)).status()).toBe(200);
  const stranger = await page.context().browser()!.newContext();
  expect((await stranger.request.get(new URL(file!, page.url()).toString())).status()).toBe(403);
  await stranger.close();
});
