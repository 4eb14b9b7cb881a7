// Playwright end-to-end tests of Tòa Soạn, in Debian's Chromium (/usr/bin/chromium;
// no browser is downloaded). The server is the cargo-leptos build in ../target, started
// on a fresh SQLite database in ../target/e2e, seeded with the demo content and three
// accounts: editor bientap / bien-tap-2026, contributor congtac / cong-tac-2026,
// editor-in-chief truongban / truong-ban-2026, moderator kiemduyet / kiem-duyet-2026,
// admin quantri / quan-tri-2026, member dangvien / dang-vien-2026.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3107);
const profile = process.env.E2E_PROFILE ?? 'debug';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  // one browser at a time: the debug build's staff client is a 13 MB WASM that Chromium
  // compiles on every admin page, and two tests side by side on two cores starved the
  // account page's hydration past the 15 s wait (accessibility, desktop: 1 run in 3)
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    // the block editor on a 768 px tablet, by touch
    { name: 'tablet', testMatch: /editor\.spec\.ts/, use: { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command:
      `rm -rf ../target/e2e && ` +
      `printf 'bien-tap-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add bientap --role editor --display-name 'Nguyễn Văn Biên' && ` +
      `printf 'cong-tac-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add congtac --role contributor --display-name 'Trần Thị Cộng Tác' && ` +
      `printf 'truong-ban-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add truongban --role editor_in_chief --display-name 'Lê Văn Trưởng Ban' && ` +
      `printf 'kiem-duyet-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add kiemduyet --role moderator --display-name 'Phạm Kiểm Duyệt' && ` +
      `printf 'quan-tri-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add quantri --role admin --display-name 'Võ Quản Trị' && ` +
      `printf 'dang-vien-2026\\n' | ../target/${profile}/toasoan --data-dir ../target/e2e ` +
      `user add dangvien --role member --display-name 'Nguyễn Thị Đảng Viên' && ` +
      `../target/${profile}/toasoan --data-dir ../target/e2e --config toasoan-e2e.toml serve --addr 127.0.0.1:${port} --demo-if-empty`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
