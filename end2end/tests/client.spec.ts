// The client the browser downloads. The server renders every page; the client wakes
// only the islands (the rating stars, the comment form, the header's account link…).
// The WASM is fetched once (the page's preload is the download hydration uses, not a
// second one), under a content-hashed name a browser keeps for a year, so a reader's
// walk through the site downloads it no more, and never the account pages' part nor
// the admin area, which is a client of its own (the staff's): those load where they
// are used, and a page of theirs opened directly hydrates.
import { test, expect, Page } from '@playwright/test';
import { hydrated, signIn } from './support';

/// Counts what the browser really downloads (Chromium's network log: answers served
/// from its cache are not downloads).
async function downloads(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const cached = new Set<string>();
  const fetched: string[] = [];
  cdp.on('Network.requestWillBeSent', (e: any) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.requestServedFromCache', (e: any) => cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e: any) => {
    const r = e.response;
    if (!cached.has(e.requestId) && !r.fromDiskCache && !r.fromPrefetchCache && !r.fromServiceWorker) {
      fetched.push(r.url);
    }
  });
  return { fetched, requested: () => [...urls.values()] };
}

test('a reader downloads the client once', async ({ page }) => {
  const net = await downloads(page);
  const cacheControl: Record<string, string> = {};
  page.on('response', async (r) => {
    if (r.url().includes('/pkg/')) cacheControl[r.url()] = (await r.allHeaders())['cache-control'] ?? '';
  });
  await page.goto('/');
  await hydrated(page);
  await page.locator('.card-title a').first().click();
  await expect(page).toHaveURL(/\/bai-viet\//);
  await hydrated(page);
  await page.locator('a.article-category').click();
  await expect(page).toHaveURL(/\/chuyen-muc\//);
  await hydrated(page);
  const wasm = net.fetched.filter((u) => u.includes('.wasm'));
  expect(wasm, 'one WASM download for the whole walk').toHaveLength(1);
  expect(wasm[0]).toMatch(/\/pkg\/toasoan\.[A-Za-z0-9_-]+\.wasm$/);
  const parts = net.requested().filter((u) => /\/pkg\/(split_|chunk_)/.test(u));
  expect(parts, 'no part of the account pages').toEqual([]);
  expect(net.requested().filter((u) => u.includes('/pkg/staff.')), 'not the staff client').toEqual([]);
  // the admin area is not in the reader's client at all, only in the staff's
  const js = net.requested().find((u) => /\/pkg\/toasoan\.[A-Za-z0-9_-]+\.js$/.test(u));
  expect(js).toBeTruthy();
  const readerJs = await (await page.request.get(js!)).text();
  expect(readerJs).toContain('AccountApp');
  expect(readerJs).not.toContain('AdminApp');
  expect(Object.keys(cacheControl).length).toBeGreaterThan(0);
  for (const [url, value] of Object.entries(cacheControl)) {
    expect(value, url).toBe('public, max-age=31536000, immutable');
  }
});

const STAFF_WASM = /\/pkg\/staff\.[A-Za-z0-9_-]+\/toasoan-staff_bg\.wasm$/;
const EDITOR_PART = /\/pkg\/staff\.[A-Za-z0-9_-]+\/(split|chunk)_[^/]*\.wasm$/;
const READER_WASM = /\/pkg\/toasoan\.[A-Za-z0-9_-]+\.wasm$/;

test('the sign-in page comes in a part, the admin area in the staff client', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pkg/')) requested.push(r.url());
  });
  const parts = () => requested.filter((u) => /\/pkg\/(split_|chunk_)/.test(u));
  await page.goto('/');
  await hydrated(page);
  expect(parts(), 'the home page needs no part').toHaveLength(0);
  await signIn(page, 'quantri', 'quan-tri-2026', '/quan-tri');
  expect(parts().some((u) => u.includes('account_app')), 'the account pages’ part').toBe(true);
  expect(requested.some((u) => STAFF_WASM.test(u)), 'the staff client').toBe(true);
  // opened directly, an admin page renders on the server and hydrates with the staff
  // client, which the page preloads (one download, claimed by the loader)
  requested.length = 0;
  await page.goto('/quan-tri/chuyen-muc');
  await hydrated(page);
  expect(requested.filter((u) => STAFF_WASM.test(u))).toHaveLength(1);
  expect(requested.filter((u) => READER_WASM.test(u)), 'not the reader’s client').toEqual([]);
  await expect(page.locator('link[rel="preload"][href*="toasoan-staff_bg"][crossorigin="anonymous"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // inside the admin area, moving between pages stays in the browser
  await page.locator('.admin-nav a', { hasText: 'Nhật ký' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/nhat-ky$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhật ký kiểm duyệt và quản trị');
  await expect(page).toHaveTitle(/^Nhật ký - /);
  expect(requested.filter((u) => u.includes('.wasm')), 'no other download on the way').toHaveLength(1);
});

test('an admin page opened directly downloads the staff client once', async ({ page }) => {
  await signIn(page, 'quantri', 'quan-tri-2026', '/quan-tri');
  const net = await downloads(page);
  await page.goto('/quan-tri/nguoi-dung');
  await hydrated(page);
  const staff = net.requested().filter((u) => STAFF_WASM.test(u));
  expect(staff, 'asked for once (the preload is the download the loader uses)').toHaveLength(1);
  expect(net.requested().filter((u) => READER_WASM.test(u))).toEqual([]);
});

test('the block editor is a part of the staff client, fetched when an editor opens it', async ({ page }) => {
  await signIn(page, 'bientap', 'bien-tap-2026', '/quan-tri');
  const net = await downloads(page);
  await page.goto('/quan-tri/bai-viet');
  await hydrated(page);
  expect(net.requested().filter((u) => EDITOR_PART.test(u)), 'the desk needs no editor').toEqual([]);
  await expect(page.locator('link[rel="preload"][href*="/split_"]')).toHaveCount(0);
  // moving to the editor inside the admin area fetches its part, then draws it
  await page.locator('.admin-nav a', { hasText: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/moi$/);
  await expect(page.locator('#noi-dung-bai')).toBeVisible();
  expect(net.requested().filter((u) => EDITOR_PART.test(u)).length, 'the editor’s part').toBeGreaterThan(0);
  // opened directly, the page preloads the part beside the main WASM and wakes over
  // the server's editor (one editing area, which takes typing)
  const direct = await downloads(page);
  await page.goto('/quan-tri/bai-viet/moi');
  await hydrated(page);
  const preloads = page.locator('link[rel="preload"][href*="/split_"][crossorigin="anonymous"]');
  expect(await preloads.count()).toBeGreaterThan(0);
  const parts = direct.requested().filter((u) => EDITOR_PART.test(u));
  expect(parts.length).toBeGreaterThan(0);
  expect(new Set(parts).size, 'each file asked for once').toBe(parts.length);
  await expect(page.locator('#noi-dung-bai')).toHaveCount(1);
  await page.locator('#noi-dung-bai').click();
  await page.keyboard.type('Đã tải phần soạn thảo.');
  await expect(page.locator('#noi-dung-bai p').first()).toHaveText('Đã tải phần soạn thảo.');
});
