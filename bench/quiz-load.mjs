// The launch-day burst of a quiz round (issue 15): `--entries` entrants, `--concurrency`
// at once, each as a phone does it: the entry form's start (a phone of its own, no
// cookie), the attempt's sheet (the page, as served), then the answers and the
// tie-break prediction. Prints one JSON line: entries/s, p50/p99 per step and for the
// whole entry, answers other than 200, and the submissions the server acknowledged.
//   node bench/quiz-load.mjs --base http://127.0.0.1:3000 --contest /cuoc-thi/slug \
//     --entries 130000 --concurrency 300
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const base = arg('base', 'http://127.0.0.1:3000');
const contest = arg('contest');
const entries = Number(arg('entries', 130000));
const concurrency = Number(arg('concurrency', 300));
const UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

const page = await (await fetch(base + contest, { headers: { 'User-Agent': UA } })).text();
const startPath = page.match(/action="(\/api\/start_quiz[^"]*)"/)?.[1];
const started = page.match(/name="started" value="([^"]*)"/)?.[1];
const slug = contest.split('/').pop();
if (!startPath || !started) throw new Error(`no entry form on ${contest}`);

const form = (fields) => new URLSearchParams(fields).toString();
const post = (path, body) =>
  fetch(base + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: base,
      'User-Agent': UA,
    },
    body,
  });

const times = { start: [], sheet: [], submit: [], entry: [] };
const errors = {};
let acknowledged = 0;
const fail = (step, status) => {
  const key = `${step}:${status}`;
  errors[key] = (errors[key] ?? 0) + 1;
};

async function entrant(i) {
  const t0 = performance.now();
  const phone = `09${String(10000000 + i).slice(-8)}`;
  let res = await post(startPath, form({
    contest: slug, name: 'Nguyễn Văn An', birth: '1990-05-17', phone,
    unit: `Chi bộ ${i % 500}, xã Hòa Bình`, website: '', started,
  }));
  const t1 = performance.now();
  times.start.push(t1 - t0);
  if (res.status !== 200) return fail('start', res.status), void (await res.text());
  const token = await res.json();
  res = await fetch(`${base}/cuoc-thi/${slug}/lam-bai?ma=${token}`, { headers: { 'User-Agent': UA } });
  const sheet = await res.text();
  const t2 = performance.now();
  times.sheet.push(t2 - t1);
  if (res.status !== 200) return fail('sheet', res.status);
  const submitPath = sheet.match(/action="(\/api\/submit_quiz[^"]*)"/)?.[1];
  const choices = {};
  for (const m of sheet.matchAll(/name="answers\[(\d+)\]" value="(\d+)"/g)) {
    choices[m[1]] = Math.max(choices[m[1]] ?? 0, Number(m[2]) + 1);
  }
  if (!submitPath || Object.keys(choices).length === 0) return fail('sheet', 'no-form');
  const fields = { ma: token, prediction: String(100000 + (i * 7919) % 60000) };
  for (const [q, n] of Object.entries(choices)) fields[`answers[${q}]`] = String((i + Number(q)) % n);
  res = await post(submitPath, form(fields));
  await res.text();
  const t3 = performance.now();
  times.submit.push(t3 - t2);
  if (res.status !== 200) return fail('submit', res.status);
  acknowledged += 1;
  times.entry.push(t3 - t0);
}

let next = 0;
const began = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < entries) {
      const i = next++;
      try {
        await entrant(i);
      } catch (e) {
        fail('socket', e.cause?.code ?? e.name);
      }
    }
  }),
);
const seconds = (performance.now() - began) / 1000;
const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
};
const steps = Object.fromEntries(
  Object.entries(times).map(([k, xs]) => [k, { p50: pct(xs, 0.5), p99: pct(xs, 0.99) }]),
);
console.log(JSON.stringify({
  entries, concurrency, seconds: Math.round(seconds * 10) / 10,
  entries_per_s: Math.round((acknowledged / seconds) * 10) / 10,
  acknowledged, errors, steps,
}));
