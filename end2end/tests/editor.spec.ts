// The block editor: an editor writes an article in the browser's editing area — text
// typed key by key, bold by Ctrl+B, a word composed through an IME (CDP's composition,
// as Telex on Windows, ibus or Gboard send it), a word retyped Unikey's way (Backspaces
// then the new letters), a heading and a list from the "/" menu, a table filled with
// Tab, a quote, a link by Ctrl+K; it is saved by itself, kept through a reload; the
// editor-in-chief who opens it is told who is writing and takes it over; the writer's
// save is then refused for the lock, and once the lock is back, for the newer revision,
// shown side by side and kept by choice, never written over unasked; then it is
// published and the public page holds the very words.
import { test, expect, Page, Browser } from '@playwright/test';
import { hydrated, signIn, slash, typeMarked } from './support';

async function signedIn(browser: Browser, username: string, password: string, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password, next);
  return page;
}

/// Composes `word` letter by letter through the IME, then commits it.
async function compose(page: Page, steps: string[]) {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: steps[steps.length - 1] });
  await cdp.detach();
}

async function saved(page: Page) {
  await expect(page.locator('.save-state')).toHaveText(/^Đã lưu lúc \d\d:\d\d$/, { timeout: 15_000 });
}


test('an article written in the block editor, through IME and Unikey, comes out word for word', async ({ browser }, testInfo) => {
  const title = `Chuyển đổi số ở cơ sở (${testInfo.project.name})`;
  const writer = await signedIn(browser, 'bientap', 'bien-tap-2026', '/quan-tri/bai-viet/moi');
  await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await writer.getByLabel('Sapo (đoạn mở đầu)').fill('Sáng 02/12, Ban Chỉ đạo tỉnh họp phiên thường kỳ.');
  const option = writer.locator('#chuyen-muc option', { hasText: 'Nhân sự mới' }).first();
  await writer.locator('#chuyen-muc').selectOption((await option.getAttribute('value'))!);

  const area = writer.locator('#noi-dung-bai');
  await area.click();
  await typeMarked(writer, ['Hội nghị có ', '200 đại biểu', ' tham dự, bàn về ']);
  // Telex through an IME: t, ti, tiê, tiế, tiến, tiếng — one word committed
  await compose(writer, ['t', 'ti', 'tiê', 'tiế', 'tiến', 'tiếng']);
  await writer.keyboard.type(' Việt và ');
  // Unikey: "dung" typed, then "f": three Backspaces and "ùng"
  await writer.keyboard.type('dung');
  for (let i = 0; i < 3; i++) await writer.keyboard.press('Backspace');
  await writer.keyboard.insertText('ùng');
  await writer.keyboard.type(' chung.');
  await expect(area.locator('p').first()).toHaveText('Hội nghị có 200 đại biểu tham dự, bàn về tiếng Việt và dùng chung.');
  await expect(area.locator('p strong')).toHaveText('200 đại biểu');

  // a link over the last word, by Ctrl+K
  await writer.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'chung'.length; i++) await writer.keyboard.press('Shift+ArrowLeft');
  await writer.keyboard.press('Control+K');
  await writer.getByLabel('Địa chỉ liên kết').fill('javascript:alert(1)');
  await writer.keyboard.press('Enter');
  await expect(writer.getByText('Chỉ nhận địa chỉ http://, https:// hoặc mailto:.')).toBeVisible();
  await writer.getByLabel('Địa chỉ liên kết').fill('https://dangcongsan.vn');
  await writer.keyboard.press('Enter');
  await expect(area.locator('a[href="https://dangcongsan.vn"]')).toHaveText('chung');

  // a heading and a list from the "/" menu
  await writer.keyboard.press('End');
  await writer.keyboard.press('Enter');
  await slash(writer, 'Tiêu đề mục');
  await writer.keyboard.type('Nhiệm vụ năm tới');
  await writer.keyboard.press('Enter');
  await slash(writer, 'Danh sách');
  await writer.keyboard.type('Hoàn thành cơ sở dữ liệu');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('Đào tạo cán bộ');
  await writer.keyboard.press('Enter');
  await writer.keyboard.press('Enter');
  await expect(area.locator('h2')).toHaveText('Nhiệm vụ năm tới');
  await expect(area.locator('ul li')).toHaveText(['Hoàn thành cơ sở dữ liệu', 'Đào tạo cán bộ']);

  // a quote, then a table filled with Tab
  await slash(writer, 'Trích dẫn');
  await writer.keyboard.type('Dân là gốc.');
  await area.getByLabel('Nguồn trích dẫn').fill('Chủ tịch Hồ Chí Minh');
  await area.locator('blockquote p').click();
  await writer.keyboard.press('End');
  await writer.keyboard.press('Enter');
  await slash(writer, 'Bảng');
  for (const cell of ['Huyện', 'Xã', 'Tỷ lệ', 'Yên Dũng', '21', '95%']) {
    await writer.keyboard.type(cell);
    await writer.keyboard.press('Tab');
  }
  await expect(area.locator('table th')).toHaveText(['Huyện', 'Xã', 'Tỷ lệ']);
  await expect(area.locator('table tr').nth(1).locator('td')).toHaveText(['Yên Dũng', '21', '95%']);

  // undo takes back the last cell's typing, redo brings it again
  await writer.keyboard.press('Shift+Tab');
  await writer.keyboard.press('End');
  await writer.keyboard.type(' dân');
  await writer.keyboard.press('Control+Z');
  await expect(area.locator('table tr').nth(1).locator('td').nth(2)).toHaveText('95%');
  await writer.keyboard.press('Control+Shift+Z');
  await expect(area.locator('table tr').nth(1).locator('td').nth(2)).toHaveText('95% dân');

  // saved by itself; the address is the article's; a reload brings it all back
  await saved(writer);
  await expect(writer).toHaveURL(/\/quan-tri\/bai-viet\/\d+\/sua$/);
  await writer.reload();
  await hydrated(writer);
  await expect(area.locator('p').first()).toHaveText('Hội nghị có 200 đại biểu tham dự, bàn về tiếng Việt và dùng chung.');
  await expect(area.locator('blockquote p')).toHaveText('Dân là gốc.');
  await expect(area.getByLabel('Nguồn trích dẫn')).toHaveValue('Chủ tịch Hồ Chí Minh');
  await expect(area.locator('table tr').nth(1).locator('td').nth(2)).toHaveText('95% dân');
  const editUrl = writer.url();

  // the editor-in-chief opens it: told who is writing, reading only, and takes it over
  const chief = await signedIn(browser, 'truongban', 'truong-ban-2026', new URL(editUrl).pathname);
  const chiefArea = chief.locator('#noi-dung-bai');
  const lockNotice = chief.getByRole('alert').filter({ hasText: 'Nguyễn Văn Biên đang sửa bài này' });
  await expect(lockNotice).toBeVisible();
  await expect(chiefArea).toHaveAttribute('contenteditable', 'false');
  await expect(chief.getByRole('button', { name: 'Lưu bài' })).toBeDisabled();
  await lockNotice.getByRole('button', { name: 'Nhận quyền sửa' }).click();
  await expect(lockNotice).toHaveCount(0);
  await expect(chiefArea).toHaveAttribute('contenteditable', 'true');
  await chiefArea.locator('h2').click();
  await chief.keyboard.press('End');
  await chief.keyboard.type(' (dự thảo)');
  await saved(chief);

  // the writer's next save is refused: the lock is the chief's, the words kept here
  await area.locator('h2').click();
  await writer.keyboard.press('End');
  await writer.keyboard.type(' của tỉnh');
  await expect(writer.getByRole('alert').filter({ hasText: 'Lê Văn Trưởng Ban đang sửa bài này' })).toBeVisible({ timeout: 15_000 });
  await expect(area).toHaveAttribute('contenteditable', 'false');
  await expect(area.locator('h2')).toHaveText('Nhiệm vụ năm tới của tỉnh');

  // the chief leaves; the lock comes back to the writer, whose save is now over a newer
  // revision: refused, the difference shown, and the writer keeps their own
  await chief.getByRole('button', { name: 'Lưu bài' }).click();
  await expect(chief).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  const conflict = writer.getByRole('alert').filter({ hasText: 'Bài đã được lưu bởi người khác' });
  await expect(conflict).toBeVisible({ timeout: 40_000 });
  // the heading as stored struck through, as written here underlined
  const changed = conflict.locator('.diff-changed');
  await expect(changed).toHaveCount(1);
  const words = async (tag: string) => (await changed.locator(tag).allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
  await expect.poll(() => words('del')).toBe('(dự thảo)');
  await expect.poll(() => words('ins')).toBe('của tỉnh');
  await conflict.getByRole('button', { name: 'Giữ bản của tôi (lưu đè)' }).click();
  await saved(writer);

  // saved, submitted, approved, published
  await writer.getByRole('button', { name: 'Lưu bài' }).click();
  await expect(writer).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(writer.locator('.facts .status')).toHaveText('Chờ duyệt');
  await chief.goto(writer.url());
  await hydrated(chief);
  await chief.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(chief.locator('.facts .status')).toHaveText('Đã duyệt');
  await chief.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(chief.locator('.facts .status')).toHaveText('Đã đăng');
  const href = (await chief.locator('.facts a[href^="/bai-viet/"]').getAttribute('href'))!;

  const reader = await (await browser.newContext({ ...testInfo.project.use })).newPage();
  await reader.goto(href);
  const body = reader.locator('article .article-body');
  await expect(body.locator('p').first()).toHaveText('Hội nghị có 200 đại biểu tham dự, bàn về tiếng Việt và dùng chung.');
  await expect(body.locator('strong')).toHaveText('200 đại biểu');
  await expect(body.locator('a[href="https://dangcongsan.vn"]')).toHaveText('chung');
  await expect(body.locator('h2')).toHaveText('Nhiệm vụ năm tới của tỉnh');
  await expect(body.locator('ul li')).toHaveText(['Hoàn thành cơ sở dữ liệu', 'Đào tạo cán bộ']);
  await expect(body.locator('blockquote')).toContainText('Dân là gốc.');
  await expect(body.locator('blockquote')).toContainText('Chủ tịch Hồ Chí Minh');
  await expect(body.locator('table th')).toHaveText(['Huyện', 'Xã', 'Tỷ lệ']);
  await expect(body.locator('table tr').nth(1).locator('td')).toHaveText(['Yên Dũng', '21', '95% dân']);
});

/// Presses Tab until an element matching `selector` (and saying `text`) has the focus.
async function tabTo(page: Page, selector: string, text?: string, max = 60) {
  for (let i = 0; i < max; i++) {
    const there = await page.evaluate(
      ([s, t]) => {
        const e = document.activeElement;
        return !!e && e.matches(s!) && (!t || e.textContent?.trim() === t);
      },
      [selector, text],
    );
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

test('by keyboard alone: a paste from Word, a pasted picture, its alt text required to submit', async ({ browser }, testInfo) => {
  const writer = await signedIn(browser, 'bientap', 'bien-tap-2026', '/quan-tri/bai-viet/moi');
  const area = writer.locator('#noi-dung-bai');
  await writer.getByLabel('Tiêu đề', { exact: true }).focus();
  await writer.keyboard.type(`Quyết định về chuyển đổi số (${testInfo.project.name})`);
  await tabTo(writer, '#noi-dung-bai');
  await writer.keyboard.type('Văn bản của Tỉnh ủy:');

  // a Word document's HTML pasted: its headings, marks, list and table kept, its
  // styles, comments and script gone
  const word =
    "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>" +
    "<h2 style='mso-style-name:x'>Điều 1</h2>" +
    "<p class=MsoNormal><b>Phê duyệt</b> kế hoạch<o:p></o:p></p>" +
    "<p class=MsoNormal>&nbsp;</p>" +
    "<ul><li>Cơ sở dữ liệu</li><li>Đào tạo</li></ul>" +
    "<table><tr><td>Năm</td><td>Chỉ tiêu</td></tr><tr><td>2026</td><td>80%</td></tr></table>" +
    "<script>window.hacked = 1</script><!--[if gte mso 9]>x<![endif]--></body></html>";
  await area.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Điều 1 Phê duyệt kế hoạch');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);
  await expect(area.locator('h2')).toHaveText('Điều 1');
  await expect(area.locator('strong')).toHaveText('Phê duyệt');
  await expect(area.locator('ul li')).toHaveText(['Cơ sở dữ liệu', 'Đào tạo']);
  await expect(area.locator('table td, table th')).toHaveText(['Năm', 'Chỉ tiêu', '2026', '80%']);
  expect(await writer.evaluate(() => (window as any).hacked)).toBeUndefined();
  await expect(area).not.toContainText('mso');

  // a picture pasted (a screenshot): uploaded to the library, put in the article
  await area.evaluate(async (el, seed) => {
    const canvas = new OffscreenCanvas(64, 48);
    const g = canvas.getContext('2d')!;
    g.fillStyle = `hsl(${seed % 360}, 70%, 50%)`;
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#fff';
    g.fillText(String(seed), 4, 24);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(new File([blob], 'chup-man-hinh.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, Date.now() + testInfo.project.name.length);
  const figure = area.locator('.eb-figure');
  await expect(figure.locator('img')).toHaveAttribute('src', /^\/media\/[0-9a-f]+\.png$/);
  await expect(writer.getByText('Ảnh đã được đưa vào thư viện và vào bài')).toBeVisible();
  await expect(writer.locator('.editor-checks')).toContainText('Một ảnh chưa có mô tả (alt)');

  // the category by keyboard, then saved with the button reached by Tab
  await tabTo(writer, '#chuyen-muc');
  const option = writer.locator('#chuyen-muc option', { hasText: 'Nhân sự mới' }).first();
  await writer.locator('#chuyen-muc').selectOption((await option.getAttribute('value'))!);
  await saved(writer);
  await tabTo(writer, 'button', 'Lưu bài');
  await writer.keyboard.press('Enter');
  await expect(writer).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  const desk = writer.url();

  // submitting is refused while a picture has no alt text
  await tabTo(writer, 'button', 'Gửi duyệt');
  await writer.keyboard.press('Enter');
  await expect(writer.getByText('Bài còn ảnh chưa có mô tả (alt)')).toBeVisible();
  await expect(writer.locator('.facts .status')).toHaveText('Bản nháp');

  // its alt text written in the editor; then it goes
  await writer.goto(`${desk}/sua`);
  await hydrated(writer);
  await tabTo(writer, '#noi-dung-bai .eb-figure input[data-f="alt"]');
  await writer.keyboard.type('Màn hình hệ thống quản lý văn bản điện tử');
  await saved(writer);
  await expect(writer.locator('.editor-checks')).toHaveCount(0);
  await writer.goto(desk);
  await hydrated(writer);
  await tabTo(writer, 'button', 'Gửi duyệt');
  await writer.keyboard.press('Enter');
  await expect(writer.locator('.facts .status')).toHaveText('Chờ duyệt');
});

test('blocks move by their handle and by keys; the preview is the public page’s renderer', async ({ browser }, testInfo) => {
  const writer = await signedIn(browser, 'bientap', 'bien-tap-2026', '/quan-tri/bai-viet/moi');
  const area = writer.locator('#noi-dung-bai');
  await area.click();
  for (const [i, line] of ['Một', 'Hai', 'Ba'].entries()) {
    if (i > 0) await writer.keyboard.press('Enter');
    await writer.keyboard.type(line);
  }
  await writer.keyboard.press('Alt+Shift+ArrowUp');
  await expect(area.locator('> p')).toHaveText(['Một', 'Ba', 'Hai']);
  // the handle beside the caret's block, dragged onto the last block: by the mouse, and
  // on the phone by a finger (touch events through the browser's protocol: pointer
  // events of type touch, which HTML drag and drop never starts from)
  await area.locator('> p').first().click();
  const handle = writer.locator('.block-handle');
  await expect(handle).toBeVisible();
  if (testInfo.project.name === 'phone') {
    // the handle and the block it goes to both on the screen, below the toolbar that
    // stays at the top (a touch lands on what is on top)
    await area.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const from = (await handle.boundingBox())!;
    const under = await writer.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [from.x + 8, from.y + 16]);
    expect(under).toContain('block-handle');
    const to = (await area.locator('> p').nth(2).boundingBox())!;
    const cdp = await writer.context().newCDPSession(writer);
    const x = from.x + from.width / 2;
    const point = (y: number) => [{ x, y, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.y + from.height / 2) });
    for (const step of [0.3, 0.6, 1]) {
      const y = from.y + from.height / 2 + (to.y + to.height / 2 - from.y - from.height / 2) * step;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    await handle.dragTo(area.locator('> p').nth(2));
  }
  await expect(area.locator('> p')).toHaveText(['Ba', 'Hai', 'Một']);
  // one step back
  await area.locator('> p').first().click();
  await writer.keyboard.press('Control+Z');
  await expect(area.locator('> p')).toHaveText(['Một', 'Ba', 'Hai']);

  await writer.getByRole('button', { name: 'Xem trước' }).click();
  const preview = writer.locator('.editor-preview');
  await expect(preview.locator('.preview-phone .article-body p')).toHaveText(['Một', 'Ba', 'Hai']);
  await preview.getByRole('button', { name: 'Máy tính' }).click();
  await expect(preview.locator('.preview-desktop')).toBeVisible();
  await preview.getByRole('button', { name: 'Đóng xem trước' }).click();
  await expect(preview).toHaveCount(0);
});

test('tags are suggested as they are typed, by keyboard or touch; topics, the cover, the publication time and members only chosen beside the body', async ({ browser }, testInfo) => {
  const writer = await signedIn(browser, 'bientap', 'bien-tap-2026', '/quan-tri/bai-viet/moi');
  await writer.getByLabel('Tiêu đề', { exact: true }).fill(`Tuyên giáo ở cơ sở (${testInfo.project.name})`);
  const option = writer.locator('#chuyen-muc option', { hasText: 'Nhân sự mới' }).first();
  await writer.locator('#chuyen-muc').selectOption((await option.getAttribute('value'))!);
  await writer.locator('#noi-dung-bai').click();
  await writer.keyboard.type('Bài về công tác tuyên giáo.');

  // typed without diacritics, the tag in use comes up; ↓ and Enter take it
  const tags = writer.getByRole('combobox', { name: /Thẻ/ });
  await tags.fill('dang v');
  const list = writer.getByRole('listbox', { name: 'Thẻ gợi ý' });
  // the tags starting with it first, then those holding it
  await expect(list.getByRole('option').first()).toHaveText('Đảng viên');
  await expect(list.getByRole('option', { name: 'Kết nạp đảng viên' })).toBeVisible();
  await tags.press('ArrowDown');
  await expect(tags).toHaveAttribute('aria-activedescendant', 'the-goi-y-0');
  await tags.press('Enter');
  await expect(tags).toHaveValue('Đảng viên, ');
  await expect(list).toBeHidden();
  // the next one by a tap on the suggestion; what is taken is not offered again
  await tags.pressSequentially('dat');
  await expect(list.getByRole('option', { name: 'Đảng viên', exact: true })).toHaveCount(0);
  await list.getByRole('option', { name: 'Đất đai', exact: true }).click();
  await expect(tags).toHaveValue('Đảng viên, Đất đai, ');
  await expect(tags).toBeFocused();

  const topic = writer.getByRole('checkbox', { name: 'Bảo vệ nền tảng tư tưởng của Đảng' });
  await topic.check();
  // the time the writer asks for it to go out, for the approver's schedule
  await writer.getByLabel('Thời điểm đăng đề nghị').fill('2031-02-03T07:30');
  // an internal bulletin: for signed-in members only
  await writer.getByRole('checkbox', { name: /Chỉ thành viên đã đăng nhập được đọc/ }).check();

  // the body has no picture: the cover is chosen from the library (its alt text first)
  const cover = writer.locator('.editor-cover');
  await expect(cover).toContainText('Bài chưa có ảnh');
  await cover.getByRole('button', { name: 'Chọn ảnh đại diện khác' }).click();
  const picker = writer.locator('.media-picker');
  await picker.getByRole('button', { name: /^Chi tiết: / }).first().click();
  const alt = picker.getByLabel('Mô tả ảnh (alt)');
  if ((await alt.inputValue()).trim() === '') {
    await alt.fill('Quang cảnh buổi sinh hoạt chi bộ');
    await picker.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(picker.getByText('Đã lưu')).toBeVisible();
  }
  await picker.getByRole('button', { name: 'Đặt làm ảnh đại diện' }).click();
  await expect(picker).toBeHidden();
  await expect(cover).toContainText('Ảnh đã chọn');
  await expect(cover.locator('img.cover-thumb')).toHaveAttribute('src', /^\/media\//);
  await saved(writer);
  await writer.reload();
  await hydrated(writer);
  await expect(writer.getByRole('checkbox', { name: 'Bảo vệ nền tảng tư tưởng của Đảng' })).toBeChecked();
  await expect(writer.getByLabel('Thời điểm đăng đề nghị')).toHaveValue('2031-02-03T07:30');
  await expect(writer.getByRole('checkbox', { name: /Chỉ thành viên đã đăng nhập được đọc/ })).toBeChecked();
  await expect(writer.getByRole('combobox', { name: /Thẻ/ })).toHaveValue(/^(Đảng viên, Đất đai|Đất đai, Đảng viên)$/);
  // the chosen cover stays; and back to the body's pictures, by keyboard
  const kept = writer.locator('.editor-cover');
  await expect(kept).toContainText('Ảnh đã chọn');
  await expect(kept.locator('img.cover-thumb')).toHaveAttribute('src', /^\/media\//);
  await kept.getByRole('button', { name: 'Dùng ảnh đầu tiên trong bài' }).focus();
  await writer.keyboard.press('Enter');
  await expect(kept).toContainText('Bài chưa có ảnh');
  await expect(kept.locator('img')).toHaveCount(0);
  await saved(writer);
  // the desk page says what time was asked for
  await writer.goto(writer.url().replace(/\/sua$/, ''));
  await hydrated(writer);
  await expect(writer.locator('.facts')).toContainText('Đề nghị đăng lúc');
  await expect(writer.locator('.facts')).toContainText('Thứ hai - 03/02/2031 07:30');
});

test('a document of the library is cited by its number, as a card with its link', async ({ browser }) => {
  const writer = await signedIn(browser, 'bientap', 'bien-tap-2026', '/quan-tri/bai-viet/moi');
  const area = writer.locator('#noi-dung-bai');
  await area.click();
  await writer.keyboard.type('Ban Thường vụ Tỉnh ủy đã ban hành quyết định.');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('/');
  const menu = writer.locator('#them-khoi');
  await expect(menu).toBeVisible();
  const number = menu.getByLabel('Số hiệu văn bản (ví dụ 2466-QĐ/TU)');
  // a number the library does not hold is said so
  await number.fill('9999-QĐ/TU');
  await menu.getByRole('button', { name: 'Chèn văn bản' }).click();
  await expect(menu.locator('#so-hieu-van-ban-loi')).toHaveText('Thư viện không có văn bản số 9999-QĐ/TU.');
  await number.fill('Số 2466-QĐ/TU');
  await menu.getByRole('button', { name: 'Chèn văn bản' }).click();
  const card = area.locator('.eb-docref');
  await expect(card).toContainText('Quyết định 2466-QĐ/TU');
  await expect(card).toContainText('Ban Chỉ đạo chuyển đổi số');
  await writer.getByRole('button', { name: 'Xem trước' }).click();
  const cited = writer.locator('.editor-preview .preview-phone .doc-ref a');
  await expect(cited).toHaveText('Quyết định 2466-QĐ/TU');
  await expect(cited).toHaveAttribute('href', '/van-ban/2466-qd-tu-2021');
});
