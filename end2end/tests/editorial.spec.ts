// The editorial journey: a contributor writes and submits, the editor-in-chief rejects
// with a reason, the contributor fixes and resubmits, the editor-in-chief approves and
// publishes, and a reader then sees the article. Each person has their own browser.
// The article goes into "Nhân sự mới", a category no other journey reads from.
import { test, expect, Page, Browser } from '@playwright/test';
import { hydrated, signIn, slash, typeMarked } from './support';

async function signedIn(browser: Browser, username: string, password: string, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password, next);
  return page;
}

async function status(page: Page, label: string) {
  await expect(page.locator('.facts .status')).toHaveText(label);
}

test('contributor → editor-in-chief → reader', async ({ browser }, testInfo) => {
  const title = `Hội nghị chuyển đổi số cấp tỉnh (${testInfo.project.name})`;

  // the contributor writes a draft
  const writer = await signedIn(browser, 'congtac', 'cong-tac-2026', '/quan-tri/bai-viet/moi');
  await expect(writer.getByRole('heading', { level: 1, name: 'Viết bài mới' })).toBeVisible();
  await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await writer.getByLabel('Sapo (đoạn mở đầu)').fill('Sáng 25/11, Tỉnh ủy tổ chức hội nghị về chuyển đổi số.');
  const option = writer.locator('#chuyen-muc option', { hasText: 'Nhân sự mới' }).first();
  await writer.locator('#chuyen-muc').selectOption((await option.getAttribute('value'))!);
  await writer.getByLabel('Thẻ (cách nhau bởi dấu phẩy)').fill('chuyển đổi số, hội nghị');
  // the body, in the block editor
  const area = writer.locator('#noi-dung-bai');
  await area.click();
  await typeMarked(writer, ['Hội nghị có ', '200 đại biểu', ' tham dự.']);
  await writer.keyboard.press('Enter');
  await slash(writer, 'Tiêu đề mục');
  await writer.keyboard.type('Nhiệm vụ năm tới');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('Hoàn thành cơ sở dữ liệu dùng chung.');
  await writer.getByRole('button', { name: 'Lưu bài' }).click();
  await expect(writer).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(writer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await status(writer, 'Bản nháp');
  const deskUrl = writer.url();

  // …and submits it
  await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
  await status(writer, 'Chờ duyệt');
  await expect(writer.getByRole('link', { name: 'Sửa bài' })).toHaveCount(0);

  // the editor-in-chief sees it waiting, and rejects it with a reason
  const chief = await signedIn(browser, 'truongban', 'truong-ban-2026', '/quan-tri');
  await expect(chief.getByRole('heading', { name: 'Bài chờ tôi duyệt' })).toBeVisible();
  await chief.getByRole('link', { name: title }).first().click();
  await expect(chief.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await chief.getByLabel('Lý do từ chối (bắt buộc)').fill('Cần ghi rõ nguồn số liệu 200 đại biểu.');
  await chief.getByRole('button', { name: 'Từ chối' }).click();
  await status(chief, 'Bị từ chối');

  // the contributor reads the reason, fixes the text and submits again
  await writer.goto(deskUrl);
  await hydrated(writer);
  await expect(writer.getByRole('note')).toContainText('Cần ghi rõ nguồn số liệu 200 đại biểu.');
  await writer.getByRole('link', { name: 'Sửa bài' }).click();
  await expect(writer.getByRole('heading', { level: 1, name: 'Sửa bài' })).toBeVisible();
  const first = writer.locator('#noi-dung-bai p').first();
  await expect(first).toHaveText('Hội nghị có 200 đại biểu tham dự.');
  await first.click();
  await writer.keyboard.press('End');
  await writer.keyboard.press('Backspace');
  await writer.keyboard.type(' (theo Văn phòng Tỉnh ủy).');
  await expect(first).toHaveText('Hội nghị có 200 đại biểu tham dự (theo Văn phòng Tỉnh ủy).');
  await writer.getByRole('button', { name: 'Lưu bài' }).click();
  await expect(writer).toHaveURL(deskUrl);
  await status(writer, 'Bản nháp');
  await expect(writer.getByText('Sửa lại sau khi bị từ chối')).toBeVisible();
  await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
  await status(writer, 'Chờ duyệt');

  // the revisions show what changed
  await writer.getByRole('link', { name: 'Xem thay đổi' }).first().click();
  await expect(writer.locator('ins').filter({ hasText: 'Tỉnh ủy).' })).toBeVisible();

  // the editor-in-chief approves and publishes
  await chief.goto(deskUrl);
  await hydrated(chief);
  await chief.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await status(chief, 'Đã duyệt');
  await chief.getByRole('button', { name: 'Xuất bản' }).click();
  await status(chief, 'Đã đăng');
  const publicLink = chief.locator('.facts a[href^="/bai-viet/"]');
  await expect(publicLink).toBeVisible();
  const href = (await publicLink.getAttribute('href'))!;

  // a reader, signed out, finds it on the home page and reads it
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/');
  await reader.getByRole('link', { name: title }).first().click();
  await expect(reader).toHaveURL(new RegExp(`${href}$`));
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.locator('article.article')).toContainText('theo Văn phòng Tỉnh ủy');
});

test('a member is refused the admin area', async ({ page }) => {
  // signed out: asked to sign in, with the way back
  const res = await page.goto('/quan-tri');
  expect(res?.status()).toBe(401);
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).last()).toHaveAttribute('href', /tiep=\/quan-tri/);
});
