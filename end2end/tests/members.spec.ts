// Internal bulletins: an article for members only is listed to everyone by its title
// with a lock mark; a visitor who opens it is sent to sign in and, signed in as a
// member, comes back to it and reads it.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './support';

const BULLETIN = /Bản tin sinh hoạt chi bộ số 06/;

test('a visitor opening a bulletin is sent to sign in and, as a member, reads it', async ({ page }) => {
  await page.goto('/chuyen-muc/cong-tac-to-chuc');
  await hydrated(page);
  const card = page.locator('.card', { hasText: BULLETIN });
  await expect(card.locator('.members-mark')).toHaveText('Dành cho thành viên');
  // listed by its title alone: no sapo, no picture
  await expect(card.locator('.card-sapo')).toHaveCount(0);
  await expect(card.locator('img')).toHaveCount(0);
  await card.getByRole('link', { name: BULLETIN }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?tiep=\/bai-viet\/ban-tin-sinh-hoat-chi-bo-so-06/);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill('dangvien');
  await page.getByLabel('Mật khẩu').fill('dang-vien-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/bai-viet\/ban-tin-sinh-hoat-chi-bo-so-06/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BULLETIN);
  await expect(page.locator('.article-meta .members-mark')).toBeVisible();
  await expect(page.locator('.article-body')).toContainText('Bản tin dành cho cán bộ, đảng viên');
});

test('the admin imports members from a spreadsheet and a new member sets a password', async ({ page, browser }, info) => {
  const who = `tv${info.project.name}`;
  await signIn(page, 'quantri', 'quan-tri-2026', '/quan-tri/nguoi-dung/nhap');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập thành viên');
  // rows pasted from a spreadsheet (tabs): one good, one refused
  await page.getByLabel('Hoặc dán các dòng từ bảng tính').fill(
    `Họ và tên\tTên đăng nhập\tE-mail\tĐơn vị\nĐỗ Thị Mai\t${who}\t\tChi bộ Khối dân\nKhông Tên\tKhông Hợp Lệ\t\tChi bộ Khối dân`,
  );
  await page.getByRole('button', { name: 'Nhập thành viên' }).click();
  await expect(page.locator('#ket-qua-nhap')).toHaveText('Đã tạo 1 tài khoản, 0 đã có, 1 dòng bị từ chối.');
  const report = page.locator('.import-report tbody tr');
  await expect(report.nth(1)).toContainText('Từ chối');
  await expect(page.locator('.unit-list')).toContainText('Chi bộ Khối dân');
  const link = await report.nth(0).locator('.one-time-link').textContent();
  expect(link).toMatch(/\/dat-mat-khau\?ma=/);

  // the member opens the link and chooses a password
  const member = await browser.newContext();
  const mine = await member.newPage();
  await mine.goto(new URL(link!).pathname + new URL(link!).search);
  await hydrated(mine);
  await mine.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('thanh-vien-moi-2026');
  await mine.getByLabel('Nhập lại mật khẩu mới').fill('thanh-vien-moi-2026');
  await mine.getByRole('button', { name: 'Lưu mật khẩu' }).click();
  await expect(mine).toHaveURL(/\/tai-khoan$/);
  await member.close();
});
