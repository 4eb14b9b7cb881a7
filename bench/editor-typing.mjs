// The block editor's typing speed on a long article (issue 13: under one frame, 16 ms,
// per keystroke in a 5,000-word article). Starts the release server on a data folder of
// its own, signs an editor in, pastes 5,000 words of Vietnamese into a new article (the
// server's converter makes them 250 paragraphs), then types into the middle of it, key
// by key, in Debian's Chromium, and measures for each key in the page itself:
// - handled: from the key's event to the end of the editor's work on it (the document
//   changed, the paragraph drawn again, the caret put back);
// - frame: from the key's event to the next frame drawn after it (layout and paint
//   included), what the writer sees.
// Prints one JSON line (median, p95 and max of both, in ms) and, with --md, a table row.
//
//   node bench/editor-typing.mjs [--bin target/release/toasoan] [--keys 300] [--words 5000]
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'end2end', 'package.json'));
const { chromium } = require('@playwright/test');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const bin = arg('bin', join(root, 'target/release/toasoan'));
const keys = Number(arg('keys', 300));
const words = Number(arg('words', 5000));
const port = Number(arg('port', 39000 + Math.floor(Math.random() * 900)));
const base = `http://127.0.0.1:${port}`;

const data = mkdtempSync(join(tmpdir(), 'toasoan-typing-'));
execFileSync(bin, ['--data-dir', data, 'user', 'add', 'benchbt', '--role', 'editor', '--display-name', 'Bench'], {
  input: 'bench-typing-2026\n',
  stdio: ['pipe', 'ignore', 'inherit'],
});
const server = spawn(
  bin,
  ['--data-dir', data, 'serve', '--addr', `127.0.0.1:${port}`, '--site-root', join(root, 'target/site')],
  { stdio: 'ignore', cwd: root },
);
let exited = false;
server.on('exit', () => (exited = true));
const stop = async () => {
  if (!exited) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  rmSync(data, { recursive: true, force: true });
};

async function up() {
  for (let i = 0; i < 100; i++) {
    if (exited) throw new Error(`the server did not start (is port ${port} taken?)`);
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

const vocabulary = (
  'Tỉnh ủy chỉ đạo các cấp ủy đảng tiếp tục đẩy mạnh chuyển đổi số, cải cách hành chính, ' +
  'nâng cao chất lượng phục vụ người dân và doanh nghiệp; phát triển kinh tế xã hội bền vững, ' +
  'bảo đảm quốc phòng an ninh, xây dựng hệ thống chính trị trong sạch vững mạnh'
).split(/\s+/);

function article(n) {
  const paragraphs = [];
  for (let w = 0, p = 0; w < n; p++) {
    const length = 20;
    const line = [];
    for (let i = 0; i < length && w < n; i++, w++) line.push(vocabulary[(w * 7 + p) % vocabulary.length]);
    paragraphs.push(line.join(' ') + '.');
  }
  return paragraphs.join('\n');
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

try {
  await up();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${base}/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet%2Fmoi`);
  await page.locator('html[data-hydrated="true"]').waitFor();
  await page.getByLabel('Tên đăng nhập').fill('benchbt');
  await page.getByLabel('Mật khẩu').fill('bench-typing-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // signed in: the island goes to the editor's page itself (then loaded afresh here)
  await page.waitForURL(/\/quan-tri\/bai-viet\/moi$/, { timeout: 30_000 });
  await page.locator('html[data-hydrated="true"]').waitFor();
  await page.goto(`${base}/quan-tri/bai-viet/moi`);
  await page.locator('html[data-hydrated="true"]').waitFor();
  const area = page.locator('#noi-dung-bai');
  await area.click();
  await area.evaluate((el, text) => {
    const d = new DataTransfer();
    d.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true, cancelable: true }));
  }, article(words));
  const blocks = Math.ceil(words / 20);
  await page.waitForFunction((n) => document.querySelectorAll('#noi-dung-bai > .eb').length >= n, blocks, {
    timeout: 60_000,
  });
  // the counts follow once the changes pause
  await page.waitForFunction(() => !document.querySelector('.editor-length')?.textContent?.startsWith('0 '));
  const counted = await page.locator('.editor-length').textContent();
  // the caret into the middle paragraph's middle
  const middle = area.locator('> p').nth(Math.floor(blocks / 2));
  await middle.click();
  await page.evaluate(() => {
    const times = (window.__typing = []);
    let start = 0;
    document.addEventListener('keydown', (e) => (start = e.timeStamp), true);
    window.addEventListener('beforeinput', () => {
      const handled = performance.now() - start;
      requestAnimationFrame(() => {
        const frame = performance.now() - start;
        times.push({ handled, frame });
      });
    });
  });
  // keys of the keyboard itself (each with its keydown): Telex before the IME's marks
  const text = 'chuyen doi so ';
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(text[i % text.length]);
  }
  await page.waitForTimeout(200);
  const times = await page.evaluate(() => window.__typing);
  await browser.close();
  const result = {
    bench: 'editor-typing',
    words,
    length: counted,
    keys: times.length,
    handled_ms: stats(times.map((t) => t.handled)),
    frame_ms: stats(times.map((t) => t.frame)),
  };
  console.log(JSON.stringify(result));
} finally {
  await stop();
}
