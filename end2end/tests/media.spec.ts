// The media library: an editor drops three pictures on the uploader and sees three
// progress bars; the one over the size limit (2 MB for pictures in this run's
// toasoan-e2e.toml) fails with its message while the two others finish; sets a
// picture's alt text and credit, puts it in an article from the form's picker and
// publishes it; a reader's browser then fetches the copy that fits its screen: the
// 640 px one on a 360 px phone at 2× (the request it made is checked), 1024 px on a
// desktop. On a connection as slow as 3G's upload, a file's bar follows its bytes; it is
// cancelled halfway and sent again from its row.
import { test, expect, Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { hydrated, signIn } from './support';

/// CRC-32 of PNG chunks.
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/// An RGB PNG `width` × `height`: a gradient tinted by `tint`, or noise that does not
/// compress (a file of about 3 bytes a pixel).
function png(width: number, height: number, tint: number, noise = false): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = noise ? randomBytes(1 + width * 3) : Buffer.alloc(1 + width * 3);
    row[0] = 0;
    if (!noise) {
      for (let x = 0; x < width; x++) {
        row[1 + x * 3] = (x * 255) / width;
        row[2 + x * 3] = (y * 255) / height;
        row[3 + x * 3] = tint;
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: noise ? 0 : 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/// Drops `files` on the uploader as a person dragging them from their desktop does.
async function drop(page: Page, files: { name: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'image/png' }));
    }
    return dt;
  }, payload);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
}

test('an editor uploads, describes and uses pictures; a reader gets the copy that fits', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const run = testInfo.project.name;
  const tint = run === 'phone' ? 40 : 200;
  const title = `Ngày hội đại đoàn kết toàn dân tộc (${run})`;
  const names = [`ngay-hoi-${run}.png`, `quang-truong-${run}.png`, `anh-goc-qua-lon-${run}.png`];

  const context = await browser.newContext();
  const editor = await context.newPage();
  await signIn(editor, 'truongban', 'truong-ban-2026', '/quan-tri/thu-vien');
  await expect(editor.getByRole('heading', { level: 1, name: 'Thư viện ảnh và tài liệu' })).toBeVisible();

  // three pictures dropped at once: each gets its own progress bar
  await drop(editor, [
    { name: names[0], bytes: png(1400, 788, tint) },
    { name: names[1], bytes: png(1200, 800, tint + 10) },
    { name: names[2], bytes: png(1200, 900, tint, true) },
  ]);
  const uploads = editor.locator('.uploads .upload');
  await expect(uploads).toHaveCount(3);
  await expect(editor.locator('.uploads progress')).toHaveCount(3);
  const row = (name: string) => uploads.filter({ hasText: name });
  await expect(row(names[2]).locator('.upload-status')).toHaveText('Tệp quá lớn (tối đa 2 MB cho loại tệp này)');
  await expect(row(names[2]).getByRole('button', { name: `Tải lại ${names[2]}` })).toBeVisible();
  for (const name of names.slice(0, 2)) {
    await expect(row(name).locator('.upload-status')).toHaveText('Đã tải lên');
    const bar = row(name).locator('progress');
    expect(await bar.evaluate((p: HTMLProgressElement) => p.value === p.max && p.max > 1000)).toBe(true);
  }

  // the grid shows them, newest first; the first needs its alt text
  const card = editor.locator('.media-card').filter({ hasText: names[0] });
  await expect(card).toBeVisible();
  await expect(card.getByText('Chưa có mô tả')).toBeVisible();
  await expect(editor.locator('.media-card').filter({ hasText: names[2] })).toHaveCount(0);
  await card.getByRole('link').click();
  const panel = editor.locator('.media-detail');
  await expect(panel.getByRole('heading', { name: names[0] })).toBeVisible();
  await panel.getByLabel('Mô tả ảnh (alt)').fill('Nhân dân vui ngày hội đại đoàn kết ở quảng trường');
  await panel.getByLabel('Tác giả ảnh').fill('Hoàng Hà');
  await panel.getByRole('button', { name: 'Lưu' }).click();
  await expect(panel.getByText('Đã lưu.')).toBeVisible();
  await expect(card.getByText('Chưa có mô tả')).toHaveCount(0);
  // its copies are made in the background: the panel lists them once they are there
  await expect(async () => {
    await editor.reload();
    await hydrated(editor);
    await expect(editor.locator('.media-facts')).toContainText('640 × 360', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // the article form's picker inserts it; the picture goes out with the article
  await editor.goto('/quan-tri/bai-viet/moi');
  await hydrated(editor);
  await editor.getByLabel('Tiêu đề', { exact: true }).fill(title);
  const option = editor.locator('#chuyen-muc option', { hasText: 'Nhân sự mới' }).first();
  await editor.locator('#chuyen-muc').selectOption((await option.getAttribute('value'))!);
  await editor.locator('#noi-dung-bai').click();
  await editor.keyboard.type('Sáng nay, hàng nghìn người dân dự ngày hội.');
  await editor.getByRole('button', { name: 'Thêm khối' }).click();
  await editor.locator('#them-khoi').getByRole('button', { name: 'Ảnh', exact: true }).click();
  const picker = editor.locator('.media-picker');
  await picker.getByLabel('Tìm trong thư viện').fill(`ngay hoi ${run}`);
  await picker.getByLabel('Tìm trong thư viện').press('Enter');
  await picker.getByRole('button', { name: `Chi tiết: ${names[0]}` }).click();
  await picker.getByRole('button', { name: 'Chèn vào bài' }).click();
  // in the body: the picture with its stored words, to change there if need be
  const figure = editor.locator('#noi-dung-bai .eb-figure');
  await expect(figure.locator('img')).toHaveAttribute('src', /\/media\/[0-9a-f]+\.png$/);
  await expect(figure.getByLabel('Mô tả ảnh (alt, bắt buộc)')).toHaveValue('Nhân dân vui ngày hội đại đoàn kết ở quảng trường');
  await expect(figure.getByLabel('Tác giả ảnh')).toHaveValue('Hoàng Hà');
  await editor.getByRole('button', { name: 'Lưu bài' }).click();
  await expect(editor).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(editor.locator('.facts .status')).toHaveText('Chờ duyệt');
  await editor.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(editor.locator('.facts .status')).toHaveText('Đã duyệt');
  await editor.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(editor.locator('.facts .status')).toHaveText('Đã đăng');
  const href = (await editor.locator('.facts a[href^="/bai-viet/"]').getAttribute('href'))!;

  // a reader's browser picks the copy for its screen
  const reader = await (await browser.newContext({ ...testInfo.project.use })).newPage();
  // the copy in the original's format or its WebP beside it, whichever the server kept
  const wanted = run === 'phone' ? '-640.' : '-1024.';
  const fetched: string[] = [];
  reader.on('request', (r) => {
    if (r.url().includes('/media/')) fetched.push(new URL(r.url()).pathname);
  });
  await reader.goto(href);
  const picture = reader.locator('article .figure img').first();
  await expect(picture).toBeVisible();
  await expect.poll(() => fetched.filter((u) => u.includes(wanted)).length, { message: fetched.join(', ') }).toBe(1);
  expect(fetched.filter((u) => /-(320|640|1024|1600)\./.test(u) && !u.includes(wanted)), 'no other copy').toEqual([]);
  await expect(picture).toHaveAttribute('alt', 'Nhân dân vui ngày hội đại đoàn kết ở quảng trường');
  await expect(picture).toHaveAttribute('width', '1400');
  await expect(picture).not.toHaveAttribute('loading', 'lazy');
  expect(await picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(wanted);
  await expect(reader.locator('article .figure')).toContainText('Ảnh: Hoàng Hà');
});

test('a slow upload shows its bytes going, can be cancelled and sent again', async ({ browser }, testInfo) => {
  const run = testInfo.project.name;
  const context = await browser.newContext();
  const editor = await context.newPage();
  await signIn(editor, 'truongban', 'truong-ban-2026', '/quan-tri/thu-vien');
  // a connection of 3G's upload speed (about 100 KB/s) for a picture of about 1 MB
  const cdp = await context.newCDPSession(editor);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: -1,
    uploadThroughput: 100 * 1024,
  });
  const name = `cham-${run}.png`;
  await editor.setInputFiles('#chon-tep', { name, mimeType: 'image/png', buffer: png(600, 560, 90, true) });
  const row = editor.locator('.uploads .upload').filter({ hasText: name });
  const bar = row.locator('progress');
  // part of it is sent, not all: the bar moves with the bytes
  await expect
    .poll(() => bar.evaluate((p: HTMLProgressElement) => p.value / p.max), { timeout: 15_000 })
    .toBeGreaterThan(0.05);
  expect(await bar.evaluate((p: HTMLProgressElement) => p.value / p.max)).toBeLessThan(0.9);
  await expect(row.locator('.upload-status')).toHaveText(/^Đang tải lên: \d+%$/);
  await row.getByRole('button', { name: `Hủy tải ${name}` }).click();
  await expect(row.locator('.upload-status')).toHaveText('Đã hủy');

  // at full speed again, the same file goes up from its row
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await row.getByRole('button', { name: `Tải lại ${name}` }).click();
  await expect(row.locator('.upload-status')).toHaveText('Đã tải lên');
  await expect(editor.locator('.media-card').filter({ hasText: name })).toBeVisible();
});
