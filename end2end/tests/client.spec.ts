// The client the browser downloads: the WASM is fetched once (the page's preload is the
// download hydration uses, not a second one), under a content-hashed name a browser may
// keep for a year, and a reader's walk through the site fetches it no more.
import { test, expect } from '@playwright/test';
import { hydrated } from './support';

test('a reader downloads the client once', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('.wasm')) wasm.push(r.url());
  });
  const cacheControl: Record<string, string> = {};
  page.on('response', async (r) => {
    if (r.url().includes('/pkg/')) cacheControl[r.url()] = (await r.allHeaders())['cache-control'] ?? '';
  });
  await page.goto('/');
  await hydrated(page);
  const first = page.locator('.card-title a').first();
  await first.click();
  await expect(page).toHaveURL(/\/bai-viet\//);
  await page.locator('a.article-category').click();
  await expect(page).toHaveURL(/\/chuyen-muc\//);
  expect(wasm, 'one WASM download for the whole walk').toHaveLength(1);
  expect(wasm[0]).toMatch(/\/pkg\/toasoan\.[A-Za-z0-9_-]+\.wasm$/);
  for (const [url, value] of Object.entries(cacheControl)) {
    expect(value, url).toBe('public, max-age=31536000, immutable');
  }
});
