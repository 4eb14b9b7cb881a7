// Góp ý, on a phone and a desktop: a citizen sends feedback with a file and gets a
// tracking code; a moderator opens it, sees the file, forwards it to a unit, keeps an
// internal note and answers it; the citizen follows it with the code and reads the
// answer and the unit, never the note.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

test('a citizen sends feedback and follows it; a moderator forwards and answers it', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const stamp = `${info.project.name} ${Date.now()}`;
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Góp ý' }).click();
  await expect(page).toHaveURL(/\/gop-y$/);
  const opened = Date.now();
  const subject = `Đề nghị lắp đèn đường ra chợ (${stamp})`;
  await page.getByLabel('Tiêu đề').fill(subject);
  await page
    .getByLabel('Nội dung góp ý, đề xuất')
    .fill(`Tuyến đường từ trụ sở xã ra chợ chưa có đèn chiếu sáng, buổi tối đi lại khó khăn (${stamp}).`);
  await page.getByLabel(/^Họ và tên/).fill('Vũ Thị Góp Ý');
  await page.getByLabel(/^Thư điện tử hoặc số điện thoại/).fill('0987 654 321');
  await page.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: 'Kiến nghị.pdf', mimeType: 'application/pdf', buffer: PDF });
  // the form's minimum fill time
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
  await page.getByRole('button', { name: 'Gửi góp ý' }).click();

  await expect(page).toHaveURL(/\/gop-y\/theo-doi\?ma=GY-/);
  await expect(page.getByRole('status')).toContainText('Góp ý của bạn đã được tiếp nhận');
  const code = (await page.locator('.qa-code').textContent())!.trim();
  expect(code).toMatch(/^GY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.locator('.qa-status')).toHaveText('Đã tiếp nhận');

  // the moderator
  const staff = await browser.newContext({ viewport: page.viewportSize()! });
  const mod = await staff.newPage();
  await signIn(mod, 'kiemduyet', 'kiem-duyet-2026', '/quan-tri');
  await mod.goto('/quan-tri/gop-y');
  await hydrated(mod);
  await mod.getByRole('link', { name: subject }).click();
  await expect(mod.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(mod.getByText('0987 654 321')).toBeVisible();
  await expect(mod.getByRole('link', { name: 'Kiến nghị.pdf' })).toBeVisible();
  await mod.getByLabel('Chuyển đơn vị xử lý').fill('Văn phòng UBND xã');
  await mod.getByRole('button', { name: 'Chuyển đơn vị xử lý' }).click();
  await expect(mod.locator('.qa-meta').first()).toContainText('Đã chuyển đơn vị xử lý');
  await mod.getByLabel('Ghi chú mới').fill('Đã hẹn cán bộ địa chính khảo sát hiện trường.');
  await mod.getByRole('button', { name: 'Thêm ghi chú' }).click();
  await expect(mod.locator('.feedback-notes')).toContainText('Đã hẹn cán bộ địa chính');
  await mod.getByLabel('Trả lời', { exact: true }).fill('UBND xã đã lắp 12 bóng đèn trên tuyến đường này.');
  await mod.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(mod.locator('.qa-meta').first()).toContainText('Đã trả lời');
  await expect(mod.locator('.qa-history')).toContainText('Trả lời góp ý');
  await staff.close();

  // the citizen follows it by the code typed in the form
  await page.goto('/gop-y/theo-doi');
  await page.getByLabel('Mã theo dõi').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Theo dõi' }).click();
  await expect(page.locator('.qa-status')).toHaveText('Đã trả lời');
  await expect(page.locator('.qa-tracked')).toContainText('Văn phòng UBND xã');
  await expect(page.locator('.qa-answer')).toContainText('12 bóng đèn');
  await expect(page.getByText('cán bộ địa chính')).toHaveCount(0);
});
