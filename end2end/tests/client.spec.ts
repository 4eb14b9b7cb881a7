// The client the browser downloads: the WASM is fetched once (the page's preload is the
// download hydration uses, not a second one), under a content-hashed name a browser may
// keep for a year, and a reader's walk through the site fetches it no more: none of the
// parts split off for the admin area and the account pages. Those load when someone
// goes there, and a page of theirs opened directly still hydrates.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './support';

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
  expect(wasm, 'one WASM download for the whole walk, no split part').toHaveLength(1);
  expect(wasm[0]).toMatch(/\/pkg\/toasoan\.[A-Za-z0-9_-]+\.wasm$/);
  for (const [url, value] of Object.entries(cacheControl)) {
    expect(value, url).toBe('public, max-age=31536000, immutable');
  }
});

test('the admin area and the sign-in page come in parts of their own', async ({ page }) => {
  const parts: string[] = [];
  page.on('request', (r) => {
    if (/\/pkg\/(split_|chunk_)/.test(r.url())) parts.push(r.url());
  });
  await page.goto('/');
  await hydrated(page);
  expect(parts, 'the home page needs no part').toHaveLength(0);
  await signIn(page, 'quantri', 'quan-tri-2026', '/quan-tri');
  expect(parts.some((u) => u.includes('sign_in_view')), 'the sign-in part').toBe(true);
  expect(parts.some((u) => u.includes('admin_frame_view')), 'the admin frame part').toBe(true);
  // opened directly, an admin page renders on the server and hydrates with its part
  parts.length = 0;
  await page.goto('/quan-tri/chuyen-muc');
  await hydrated(page);
  expect(parts.some((u) => u.includes('categories_admin_view')), 'the categories part').toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
