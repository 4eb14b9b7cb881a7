// Cuộc thi trắc nghiệm, on a phone and a desktop: an entrant finds the demo contest's
// open round, gives their name, date of birth, phone and unit, answers the ten
// questions (shown in an order of their own) within the time limit and the tie-break
// question, and sees their score, counted among the round's entrants.
import { test, expect } from '@playwright/test';
import { enter } from './support';

// the demo bank's correct answers, by question (server/src/demo_contests.rs)
const ANSWERS: Record<string, string> = {
  'Đảng Cộng sản Việt Nam được thành lập': '03/02/1930',
  'Ai là người sáng lập': 'Nguyễn Ái Quốc',
  'Đại hội đại biểu toàn quốc lần thứ XIII': 'Năm 2021',
  'cơ quan quyền lực nhà nước cao nhất': 'Quốc hội',
  'Nhiệm kỳ của mỗi khóa Quốc hội': '5 năm',
  'Bản Tuyên ngôn Độc lập': 'Ngày 02/9/1945',
  'Mặt trận Tổ quốc Việt Nam': 'Ngày 18/11',
  'Quân đội nhân dân Việt Nam': 'Ngày 22/12/1944',
  'Hiến pháp năm 2013 được Quốc hội khóa nào': 'Quốc hội khóa XIII',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh': 'Ngày 26/3/1931',
  'Ngày Pháp luật': 'Ngày 09/11',
  'Chủ tịch Hồ Chí Minh sinh': '19/5/1890',
};

test('an entrant takes the open round within the time limit and sees the score', async ({ page }) => {
  await page.goto('/cuoc-thi');
  await page.getByRole('link', { name: /Cuộc thi trắc nghiệm tìm hiểu lịch sử Đảng/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('lịch sử Đảng và Hiến pháp');
  const counted = page.locator('.contest-count .count');
  const before = Number(await counted.textContent());

  await enter(page);
  await expect(page.getByRole('status')).toContainText('hạn nộp bài của bạn là');
  const questions = page.locator('fieldset.quiz-question:not(.quiz-prediction)');
  await expect(questions).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    const question = questions.nth(i);
    const legend = (await question.locator('legend').textContent())!;
    const key = Object.keys(ANSWERS).find((k) => legend.includes(k));
    expect(key, legend).toBeTruthy();
    await question.getByLabel(ANSWERS[key!], { exact: true }).check();
  }
  await page.getByLabel('Dự đoán số người dự thi').fill('1200');
  await page.getByRole('button', { name: 'Nộp bài' }).click();

  await expect(page.locator('.quiz-score')).toHaveText('10/10 câu đúng');
  await expect(page.locator('.quiz-result')).toContainText('Dự đoán số người dự thi: 1200');
  await expect(page.locator('.quiz-result')).toContainText(/Thời gian làm bài: \d+ phút \d{2} giây/);
  // the sheet is gone: the result stays at the attempt's address
  await expect(page.locator('input[name^="answers"]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.quiz-score')).toHaveText('10/10 câu đúng');

  await page.getByRole('link', { name: 'Về trang cuộc thi' }).click();
  await expect(page.locator('.contest-count .count')).toHaveText(String(before + 1));
});
