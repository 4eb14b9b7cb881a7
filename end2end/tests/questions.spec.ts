// Hỏi – Đáp, on a phone and a desktop: a citizen asks a question and gets a tracking
// code, follows it with the code; a moderator gives it to themself, answers and
// publishes it; the citizen reads the answer on the follow page, opens the published
// question, and finds it by browsing its field.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './support';

test('a citizen asks and follows; a moderator answers and publishes', async ({ page, browser }, info) => {
  // two readers and a moderator, each page loaded afresh
  test.setTimeout(120_000);
  const stamp = `${info.project.name} ${Date.now()}`;
  await page.goto('/hoi-dap');
  await hydrated(page);
  await page.getByRole('link', { name: 'Đặt câu hỏi' }).first().click();
  await expect(page).toHaveURL(/\/hoi-dap\/dat-cau-hoi$/);
  const opened = Date.now();
  await page.getByLabel('Họ và tên').fill('Vũ Thị Công Dân');
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('0912 345 678');
  await page.getByLabel('Lĩnh vực').selectOption({ label: 'Thủ tục hành chính' });
  const title = `Thủ tục cấp bản sao trích lục hộ tịch trực tuyến (${stamp}) thế nào?`;
  await page.getByLabel('Nội dung câu hỏi').fill(`Xin chào. ${title} Xin cảm ơn.`);
  // the form's minimum fill time
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();

  await expect(page).toHaveURL(/\/hoi-dap\/theo-doi\?ma=HD-/);
  await expect(page.getByRole('status')).toContainText('Câu hỏi của bạn đã được gửi');
  const code = (await page.locator('.qa-code').textContent())!.trim();
  expect(code).toMatch(/^HD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.locator('.qa-status')).toHaveText('Mới nhận');
  // followed again by the code typed in the form, in lower case
  await page.goto('/hoi-dap/theo-doi');
  await page.getByLabel('Mã theo dõi').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Theo dõi' }).click();
  await expect(page.locator('.qa-status')).toHaveText('Mới nhận');

  // the moderator
  const staff = await browser.newContext({ viewport: page.viewportSize()! });
  const mod = await staff.newPage();
  await signIn(mod, 'kiemduyet', 'kiem-duyet-2026', '/quan-tri');
  await mod.goto('/quan-tri/hoi-dap');
  await hydrated(mod);
  await mod.getByRole('link', { name: title }).click();
  await expect(mod.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(mod.getByText('0912 345 678')).toBeVisible();
  await mod.getByLabel('Người trả lời').selectOption({ label: 'Phạm Kiểm Duyệt' });
  await mod
    .getByLabel('Trả lời', { exact: true })
    .fill('Bạn làm như sau:\n\n- đăng nhập Cổng dịch vụ công;\n- chọn thủ tục cấp bản sao trích lục.');
  await mod.getByRole('button', { name: 'Lưu và đăng công khai' }).click();
  await expect(mod.getByRole('link', { name: 'Xem câu hỏi đã đăng' })).toBeVisible();
  await expect(mod.getByRole('button', { name: 'Gỡ khỏi trang công khai' })).toBeVisible();
  await staff.close();

  // the citizen reads the answer, then the published question
  await page.goto(`/hoi-dap/theo-doi?ma=${code}`);
  await expect(page.locator('.qa-status')).toHaveText('Đã trả lời');
  await expect(page.locator('.qa-answer li')).toHaveCount(2);
  await page.getByRole('link', { name: 'Xem câu hỏi đã đăng' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('0912 345 678')).toHaveCount(0);
  // and finds it by browsing its field
  await page.goto('/hoi-dap');
  await page.getByRole('navigation', { name: 'Lĩnh vực' }).getByRole('link', { name: /^Thủ tục hành chính/ }).click();
  await expect(page).toHaveURL(/linh-vuc=thu-tuc-hanh-chinh/);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
