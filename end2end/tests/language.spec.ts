// A reader switches the interface to English from the footer: the home page and an
// article's furniture speak English (after a client-side navigation too), the page says
// so to browsers and search engines, and the next reader still gets the Vietnamese page.
import { test, expect } from '@playwright/test';
import { hydrated } from './support';

test('a reader reads in English and the next reader still in Vietnamese', async ({ page, browser, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tin nổi bật' })).toBeVisible();
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

  await page.locator('.language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\?hl=en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Featured' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latest news' })).toBeVisible();
  // (on a phone the menu is a closed drawer: read its label)
  await expect(page.locator('nav#main-nav')).toHaveAttribute('aria-label', 'Main sections');
  await expect(page.locator('link[rel="alternate"][hreflang="vi"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\?hl=en$/);
  await hydrated(page);

  // an article, reached by client-side navigation: its furniture in English
  const first = page.locator('.card-title a').first();
  await first.click();
  await expect(page).toHaveURL(/\/bai-viet\//);
  await expect(page.locator('.article-meta .views')).toContainText('Views');
  await expect(page.locator('.dateline')).toHaveText(
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) - \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
  );
  await expect(page.getByText('Click to rate this article:')).toBeVisible();
  // the choice is kept: a full load of the article without ?hl is English too
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.article-meta .views')).toContainText('Views');

  // the next reader (no cookie) gets the kept Vietnamese page, unchanged
  const other = await browser.newContext();
  const next = await other.newPage();
  await next.goto('/');
  await expect(next.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(next.getByRole('heading', { name: 'Tin nổi bật' })).toBeVisible();
  await expect(next.getByRole('heading', { name: 'Featured' })).toHaveCount(0);
  await other.close();
  // (kept or rendered again when another test changed something meanwhile)
  const again = await request.get('/');
  expect(['hit', 'miss']).toContain(again.headers()['x-cache']);
  const html = await again.text();
  expect(html).toContain('<html lang="vi"');
  expect(html).toContain('Tin nổi bật');
  expect(html).not.toContain('Latest news');

  // and back to Vietnamese
  await page.locator('.language-switch').getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.locator('.article-meta .views')).toContainText('Số lần đọc');
});
