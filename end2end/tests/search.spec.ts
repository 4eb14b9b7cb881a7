// Search: a reader on a phone types words without tones into the header's box, sends
// the form, and lands on the results page
// with the words marked; filters narrow the results; the box works without JavaScript.
import { test, expect } from '@playwright/test';
import { hydrated } from './support';

const HOA_LOI = '/bai-viet/xa-hoa-loi-ve-dich-nong-thon-moi-kieu-mau';

test('words without tones typed in the header find the article', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await box.fill('hoa loi ve dich nong thon moi');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\?q=hoa(\+|%20)loi/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tìm kiếm');
  const first = page.locator('.search-hit').first();
  await expect(first.locator('.hit-title a')).toHaveAttribute('href', HOA_LOI);
  await expect(first.locator('.hit-title mark').first()).toHaveText(/Hòa Lợi về đích nông thôn mới/);
  await expect(page.locator('.search-found')).toContainText('kết quả cho «hoa loi ve dich nong thon moi»');
  await first.locator('.hit-title a').click();
  await expect(page).toHaveURL(new RegExp(HOA_LOI + '$'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Xã Hòa Lợi về đích nông thôn mới');
});

test('the results narrow by type and date, and the form keeps what was asked', async ({ page }) => {
  await page.goto('/tim-kiem?q=chuyen+doi+so');
  await hydrated(page);
  await expect(page.getByLabel('Tìm kiếm', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Loại').selectOption({ label: 'Văn bản' });
  await page.locator('.search-main button').click();
  await expect(page).toHaveURL(/loai=van-ban/);
  const hits = page.locator('.search-hit');
  expect(await hits.count()).toBeGreaterThan(0);
  for (const href of await hits.locator('.hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/van-ban\//);
  }
  await expect(page.locator('#tk-q')).toHaveValue('chuyen doi so');
  await expect(page.getByLabel('Loại')).toHaveValue('van-ban');
  // a range backwards is refused, said beside the form
  await page.getByLabel('Từ ngày').fill('2025-02-01');
  await page.getByLabel('Đến ngày').fill('2025-01-01');
  await page.locator('.search-main button').click();
  await expect(page.getByRole('alert')).toContainText('phải trước');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header box is a plain form', async ({ page }) => {
    await page.goto('/');
    await page.locator('#o-tim-kiem').fill('xay dung dang');
    await page.locator('#o-tim-kiem').press('Enter');
    await expect(page).toHaveURL(/\/tim-kiem\?q=xay/);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    await expect(page.locator('.search-hit mark').first()).toBeVisible();
  });
});
