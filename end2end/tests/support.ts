// Steps the journeys share: waiting for hydration, and signing in on a page.
import * as path from 'node:path';
import { expect, Page } from '@playwright/test';

/// Waits until the WASM client has hydrated the page.
export async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/// Signs in on `page` through the sign-in form and waits for `landing` (a path).
export async function signIn(page: Page, username: string, password: string, landing: string) {
  await page.goto(`/dang-nhap?tiep=${encodeURIComponent(landing)}`);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/\//g, '\\/')}$`));
  await hydrated(page);
  // the landing page is outside the account pages' island, so the browser loads it
  // whole (the address changes a moment before the page does); tests then look at it
  // as a visitor opening it does: loaded afresh, its islands awake
  await page.goto(landing);
  await hydrated(page);
}

/// In the block editor: types "/" in the empty paragraph the caret is in and picks
/// `block` from the menu it opens.
export async function slash(page: Page, block: string) {
  await page.keyboard.type('/');
  const menu = page.locator('#them-khoi');
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: block, exact: true }).click();
}

/// Types `parts` into the block editor where the caret is, the odd ones in bold
/// (Ctrl+B on, Ctrl+B off): `['Có ', '200 đại biểu', ' tham dự.']`.
export async function typeMarked(page: Page, parts: string[]) {
  for (const [i, part] of parts.entries()) {
    if (i > 0) await page.keyboard.press('Control+B');
    await page.keyboard.type(part);
  }
}

/// The text of the QR code drawn by the image `selector` on `page` (jsQR, from the test
/// tools' node_modules), or null when none can be read.
export async function decodeQr(page: Page, selector: string): Promise<string | null> {
  await page.addScriptTag({ path: path.join(__dirname, '..', 'node_modules', 'jsqr', 'dist', 'jsQR.js') });
  return page.evaluate(async (selector) => {
    const img = document.querySelector(selector) as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.drawImage(img, 0, 0, 400, 400);
    const data = ctx.getImageData(0, 0, 400, 400);
    const code = (window as any).jsQR(data.data, 400, 400);
    return code ? code.data : null;
  }, selector);
}

/// The demo's quiz contest.
export const CONTEST = '/cuoc-thi/cuoc-thi-trac-nghiem-tim-hieu-lich-su-dang-va-hien-phap';

/// Fills the entry form of the open round and starts; the sheet is shown.
export async function enter(page: Page) {
  await page.goto(CONTEST);
  const phone = `09${String(Date.now()).slice(-8)}`;
  await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
  await page.getByLabel('Ngày sinh').fill('1985-09-02');
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByLabel('Đơn vị công tác / địa chỉ').fill('Phường 1, thành phố Tây Ninh');
  // the guard refuses a form sent sooner than 3 s after the page was made
  await page.waitForTimeout(3500);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page).toHaveURL(/\/lam-bai\?ma=[0-9a-f]{64}$/);
}
