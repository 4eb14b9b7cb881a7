// A reader's journey: home → category → article, on a phone and a desktop; the phone
// menu drawer; and the article still readable with JavaScript off.
import { test, expect, Page } from '@playwright/test';

const DATELINE = /^(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật) - \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

test('a reader goes from the home page to a category and reads an article', async ({ page }, info) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tin nổi bật' })).toBeVisible();
  await hydrated(page);

  const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
  if (info.project.name === 'phone') {
    await page.getByRole('button', { name: 'Danh mục' }).click();
  }
  await nav.getByRole('link', { name: 'Chuyển đổi số', exact: true }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/chuyen-doi-so$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Chuyển đổi số' })).toBeVisible();

  const first = page.locator('.article-list .card-title a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/bai-viet\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.dateline')).toHaveText(DATELINE);
  await expect(page.locator('.sapo')).not.toBeEmpty();
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('.article-body figcaption').first()).toContainText('Ảnh:');
  await expect(page).toHaveTitle(new RegExp(title.slice(0, 20)));
  // the schema.org data for search engines is there after client-side navigation too
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@graph'][0]['@type']).toBe('NewsArticle');
  expect(ld['@graph'][0].headline).toBe(title);
  // the breadcrumb leads back to the category
  await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link', { name: 'Chuyển đổi số' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/chuyen-doi-so$/);
});

test('the phone menu drawer opens after hydration', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the drawer is the phone layout');
  await page.goto('/');
  await hydrated(page);
  const toggle = page.getByRole('button', { name: 'Danh mục' });
  const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
  await expect(nav).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(nav).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đóng danh mục' })).toHaveAttribute('aria-expanded', 'true');
  // nested categories are in the drawer
  await expect(nav.getByRole('link', { name: 'Công tác tổ chức' })).toBeVisible();
  await nav.getByRole('link', { name: 'Công tác tổ chức' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/cong-tac-to-chuc$/);
  await expect(nav).toBeHidden();
});

test('desktop menu shows subcategories on hover', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'dropdowns are the desktop layout');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
  await expect(nav).toBeVisible();
  await expect(page.getByRole('button', { name: 'Danh mục' })).toBeHidden();
  const sub = nav.getByRole('link', { name: 'Kiểm tra, giám sát' });
  await expect(sub).toBeHidden();
  await nav.getByRole('link', { name: 'Xây dựng Đảng', exact: true }).hover();
  await expect(sub).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the article body is still there', async ({ page }) => {
    await page.goto('/chuyen-muc/hoat-dong-cap-uy');
    await page.locator('.article-list .card-title a').first().click();
    await expect(page).toHaveURL(/\/bai-viet\//);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.dateline')).toHaveText(DATELINE);
    const paragraphs = page.locator('.article-body p');
    expect(await paragraphs.count()).toBeGreaterThan(1);
    await expect(paragraphs.first()).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
  });

  test('the menu link reaches the category map on a phone', async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'phone layout');
    await page.goto('/');
    await page.getByRole('button', { name: 'Danh mục' }).click();
    await expect(page).toHaveURL(/#ban-do-trang$/);
    await expect(page.locator('#ban-do-trang').getByRole('link', { name: 'Nhân sự mới' })).toBeVisible();
  });
});
