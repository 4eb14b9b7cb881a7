// Readers take part: a reader rates an article and comments (with JavaScript and
// without), sees the pending notice; a moderator approves the comment; the comment
// appears with the count updated; the article's QR code decodes to its address.
import { test, expect, Page } from '@playwright/test';
import { decodeQr, hydrated, signIn } from './support';

/** Opens the first article of a category and returns its address. */
async function openArticle(page: Page, category: string): Promise<string> {
  await page.goto(`/chuyen-muc/${category}`);
  const first = page.locator('.article-list .card-title a').first();
  const href = (await first.getAttribute('href'))!;
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return href;
}

// each project (phone, desktop) works on its own articles: they run side by side
const categories = {
  phone: { js: 'thoi-su', plain: 'kinh-te-xa-hoi' },
  desktop: { js: 'xay-dung-dang', plain: 'cong-tac-to-chuc' },
} as const;

test('a reader rates and comments, a moderator approves, the comment appears', async ({ page, browser }, info) => {
  const mine = categories[info.project.name as keyof typeof categories];
  const href = await openArticle(page, mine.js);
  await hydrated(page);

  // rating: instant feedback, then the reader's own stars come back after a reload
  const rating = page.getByRole('region', { name: 'Đánh giá bài viết' });
  await expect(rating.locator('.rating-summary')).toHaveText('Bài viết chưa có đánh giá nào. Hãy là người đầu tiên!');
  await rating.getByRole('button', { name: '4 sao' }).click();
  await expect(rating.locator('.rating-summary')).toHaveText(
    'Tổng số điểm của bài viết là: 4 trong 1 đánh giá (trung bình 4,0/5)',
  );
  await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá bài viết: 4 sao.');
  await expect(rating.getByRole('button', { name: '4 sao' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  const opened = Date.now();
  await hydrated(page);
  await expect(rating.getByRole('button', { name: '4 sao' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rating.getByRole('button', { name: '5 sao' })).toHaveAttribute('aria-pressed', 'false');

  // comment: waits for a moderator
  const text = `Bài viết thiết thực, mong Ban Biên tập đưa thêm số liệu (${info.project.name} ${opened}).`;
  const comments = page.getByRole('region', { name: /Ý kiến bạn đọc/ });
  await expect(comments.getByRole('heading', { name: 'Ý kiến bạn đọc (0)' })).toBeVisible();
  await comments.getByLabel('Họ và tên').fill('Nguyễn Thị Bạn Đọc');
  await comments.getByLabel('Thư điện tử (không bắt buộc)').fill('ban-doc@example.vn');
  await comments.getByLabel('Ý kiến của bạn').fill(text);
  // a person takes a few seconds to write; the server refuses forms sent faster
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
  await comments.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(comments.getByRole('status')).toContainText('Ý kiến của bạn đang chờ duyệt');
  await expect(comments.getByLabel('Ý kiến của bạn')).toHaveValue('');
  await expect(comments.locator('.comment-list')).toHaveCount(0);

  // the moderator approves it from the queue
  const staff = await browser.newContext();
  const admin = await staff.newPage();
  await signIn(admin, 'kiemduyet', 'kiem-duyet-2026', '/quan-tri');
  await expect(admin.getByRole('link', { name: /Chờ duyệt/ })).toBeVisible();
  await admin.goto('/quan-tri/y-kien');
  await hydrated(admin);
  const item = admin.locator('.queue-item').filter({ hasText: text });
  await expect(item).toContainText('ban-doc@example.vn');
  await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(admin.getByRole('status')).toHaveText('Đã xử lý 1 ý kiến.');
  await expect(item).toBeHidden();
  await staff.close();

  // the reader sees it published, counted, without the e-mail
  await page.goto(href);
  await expect(comments.getByRole('heading', { name: 'Ý kiến bạn đọc (1)' })).toBeVisible();
  await expect(comments.locator('.comment-body')).toHaveText(text);
  await expect(page.locator('.article-meta .comment-count')).toHaveText('Ý kiến: 1');
  await expect(page.locator('body')).not.toContainText('ban-doc@example.vn');
});

test('the QR code of an article opens that article', async ({ page }, info) => {
  const mine = categories[info.project.name as keyof typeof categories];
  const href = await openArticle(page, mine.js);
  const qr = page.getByRole('img', { name: 'Mã QR mở bài viết này trên điện thoại' });
  await expect(qr).toBeVisible();
  const decoded = await decodeQr(page, '.qr img');
  expect(decoded).toBe(new URL(href, page.url()).toString());
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('rating and commenting work as plain forms', async ({ page }, info) => {
    const mine = categories[info.project.name as keyof typeof categories];
    await openArticle(page, mine.plain);
    const rating = page.getByRole('region', { name: 'Đánh giá bài viết' });
    await rating.getByRole('button', { name: '5 sao' }).click();
    await expect(page).toHaveURL(/\?danh-gia=5#danh-gia$/);
    await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá bài viết: 5 sao.');
    await expect(rating.locator('.rating-summary')).toHaveText(
      'Tổng số điểm của bài viết là: 5 trong 1 đánh giá (trung bình 5,0/5)',
    );
    // The rating's redirect rendered the page again: the comment form sent below (and its
    // time token) is this page's, so the minimum fill time counts from here.
    const opened = Date.now();

    const comments = page.getByRole('region', { name: /Ý kiến bạn đọc/ });
    await comments.getByLabel('Họ và tên').fill('Trần Văn Không Script');
    await comments.getByLabel('Ý kiến của bạn').fill(`Đọc được cả khi tắt JavaScript (${info.project.name} ${opened}).`);
    await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
    await comments.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect(page).toHaveURL(/\?y-kien=cho-duyet#y-kien$/);
    await expect(page.getByText('Ý kiến của bạn đang chờ duyệt')).toBeVisible();
  });
});
