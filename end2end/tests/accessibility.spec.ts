// Accessibility: axe-core (the engine behind Lighthouse and most audits) finds no
// violation on the pages readers and the editorial board use, on a phone and a desktop,
// after hydration. Every rule axe runs by default counts (WCAG 2.x A and AA and its
// best practices), so a failure names the rule and the elements that break it.
import { test, expect, Page } from '@playwright/test';
import { CONTEST, enter, hydrated, signIn } from './support';

const AXE = require.resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/// The violations axe finds on the page as it is now, one line each.
async function violations(page: Page): Promise<string[]> {
  // the page's content is in (after a client-side navigation it may still be loading):
  // every page audited here has a level-one heading
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.addScriptTag({ path: AXE });
  const { found, passed } = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return { found: result.violations as Violation[], passed: result.passes.length as number };
  });
  // axe really looked: a page this size passes dozens of its rules
  expect(passed, 'rules axe checked and found kept').toBeGreaterThan(10);
  return found.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
  );
}

async function audit(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
  expect(await violations(page), `axe on ${path}`).toEqual([]);
}

/// A link's path, read off the page.
async function hrefOf(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, selector).toBeTruthy();
  return new URL(href!, page.url()).pathname;
}

test('reader pages have no accessibility violations', async ({ page }, info) => {
  await audit(page, '/');
  const topic = await hrefOf(page, 'a[href^="/chuyen-de/"]');
  const poll = await hrefOf(page, '.poll-box a[href^="/binh-chon/"]');
  await audit(page, '/chuyen-muc/chuyen-doi-so');
  const article = await hrefOf(page, '.article-list .card-title a');
  await audit(page, article);
  const tag = await hrefOf(page, 'a[href^="/the/"]');
  await audit(page, `${article}/in`);
  await audit(page, tag);
  await audit(page, topic);
  await audit(page, '/dang-nhap');
  await audit(page, '/van-ban?nam=2021');
  await audit(page, '/van-ban/2466-qd-tu-2021');
  await audit(page, '/hoi-dap');
  await audit(page, '/hoi-dap/dat-cau-hoi');
  await audit(page, '/hoi-dap/theo-doi?ma=HD-2222-2222-2222');
  await audit(page, '/gop-y');
  await audit(page, '/gop-y/theo-doi?ma=GY-2222-2222-2222');
  await audit(page, poll);
  await audit(page, '/cuoc-thi');
  await audit(page, CONTEST);
  await audit(page, `${CONTEST}/vong/1`);
  // an attempt's sheet
  await enter(page);
  expect(await violations(page), 'axe on the sheet').toEqual([]);
  await audit(page, '/chuyen-muc/khong-co-chuyen-muc-nay');
  await audit(page, '/tim-kiem?q=xay+dung+dang');
  await audit(page, '/tim-kiem?q=xay+dung&tu=2025-02-01&den=2025-01-01');

  if (info.project.name === 'phone') {
    // the menu drawer, open
    await page.goto('/');
    await hydrated(page);
    await page.getByRole('button', { name: 'Danh mục' }).click();
    await expect(page.getByRole('navigation', { name: 'Danh mục chính' })).toBeVisible();
    expect(await violations(page), 'axe with the drawer open').toEqual([]);
  }
});

test('the editorial board’s pages have no accessibility violations', async ({ page }) => {
  await signIn(page, 'truongban', 'truong-ban-2026', '/quan-tri');
  expect(await violations(page), 'axe on /quan-tri').toEqual([]);

  await audit(page, '/quan-tri/bai-viet');
  const desk = (await page.locator('main a[href^="/quan-tri/bai-viet/"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')!).find((href) => /^\/quan-tri\/bai-viet\/\d+$/.test(href)),
  ))!;
  expect(desk).toBeTruthy();
  await audit(page, desk);
  await audit(page, `${desk}/sua`);
  await audit(page, `${desk}/phien-ban`);
  await audit(page, '/quan-tri/bai-viet/moi');
  await audit(page, '/quan-tri/nhat-ky');
  await audit(page, '/quan-tri/thong-ke');
  // feedback: the queue and the demo's answered piece, with its steps and notes
  await audit(page, '/quan-tri/gop-y?muc=answered');
  const feedback = await page.locator('main a[href^="/quan-tri/gop-y/"]').first().getAttribute('href');
  expect(feedback, 'a piece of feedback').toBeTruthy();
  await audit(page, feedback!);
  await audit(page, '/quan-tri/binh-chon');
  await audit(page, '/quan-tri/binh-chon/moi');
  await audit(page, '/quan-tri/cuoc-thi');
  const contest = await page.locator('main a[href^="/quan-tri/cuoc-thi/"]').first().getAttribute('href');
  expect(contest, 'the demo contest').toBeTruthy();
  await audit(page, contest!);
  await audit(page, '/quan-tri/thu-vien');
  // a file's detail panel, open beside the grid
  const file = await page.locator('.media-open').first().getAttribute('href');
  expect(file, 'a file of the library').toBeTruthy();
  await audit(page, file!);
  await expect(page.getByLabel('Mô tả ảnh (alt)')).toBeVisible();
  await audit(page, '/tai-khoan');
});

test('the admin’s pages have no accessibility violations', async ({ page }) => {
  await signIn(page, 'quantri', 'quan-tri-2026', '/quan-tri/nguoi-dung');
  expect(await violations(page), 'axe on /quan-tri/nguoi-dung').toEqual([]);
  await audit(page, '/quan-tri/chuyen-muc');
  // a staff member's rights per category, ticked and saved
  await page.goto('/quan-tri/nguoi-dung');
  // the moderator's: a right to add articles changes nothing the other journeys do
  const rights = (await page
    .locator('.user-item', { hasText: '(kiemduyet)' })
    .locator('a[href$="/quyen"]')
    .getAttribute('href'))!;
  await audit(page, rights);
  const first = page.locator('.grants-table tbody tr').first();
  await first.locator('input[name="add[]"]').check();
  await page.getByRole('button', { name: 'Lưu quyền' }).click();
  await expect(page.locator('.form-ok')).toHaveText('Đã lưu quyền theo chuyên mục.');
  await expect(page.locator('.grants-table tbody tr').first().locator('input[name="add[]"]')).toBeChecked();
  expect(await violations(page), `axe on ${rights} after saving`).toEqual([]);
});

test('the moderators’ queue has no accessibility violations', async ({ page }, info) => {
  // a reader's comment, so that the queue has a row
  await page.goto('/');
  await page.goto(await hrefOf(page, 'main a[href^="/bai-viet/"]'));
  await hydrated(page);
  const opened = Date.now();
  const comments = page.getByRole('region', { name: /Ý kiến bạn đọc/ });
  await comments.getByLabel('Họ và tên').fill('Bạn Đọc Kiểm Tra');
  await comments.getByLabel('Ý kiến của bạn').fill(`Trang đọc dễ dàng với trình đọc màn hình (${info.project.name} ${opened}).`);
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
  await comments.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(comments.getByRole('status')).toContainText('Ý kiến của bạn đang chờ duyệt');
  expect(await violations(page), 'axe after commenting').toEqual([]);

  await signIn(page, 'kiemduyet', 'kiem-duyet-2026', '/quan-tri/y-kien');
  await expect(page.getByText('Bạn Đọc Kiểm Tra').first()).toBeVisible();
  expect(await violations(page), 'axe on /quan-tri/y-kien').toEqual([]);
  await audit(page, '/quan-tri/hoi-dap');
  await audit(page, '/quan-tri/hoi-dap/linh-vuc');
  await expect(page.getByRole('button', { name: 'Thêm lĩnh vực' })).toBeVisible();
});
