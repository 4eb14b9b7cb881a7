// Search's latency (issue 16): `--requests` searches of one to four words, `--concurrency`
// at once, each the whole results page as a reader gets it (/tim-kiem?q=…). The words
// come from the portal itself: the titles of its home and category pages, taken one to
// four in a row (as readers retype a headline) or picked from different titles (words
// that rarely meet), half of them typed without tones. Prints one JSON line: searches/s,
// p50/p90/p99/max overall and per number of words, and answers other than 200.
//   node bench/search-load.mjs --base http://127.0.0.1:3000 --requests 3000 --concurrency 1
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const base = arg('base', 'http://127.0.0.1:3000');
const requests = Number(arg('requests', 3000));
const concurrency = Number(arg('concurrency', 1));
let seed = Number(arg('seed', 42));
const UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

// a small seeded generator (mulberry32): the same queries on both databases
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const get = async (path) => (await fetch(base + path, { headers: { 'User-Agent': UA } })).text();
const text = (html) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').trim();

const home = await get('/');
const categories = [...new Set([...home.matchAll(/href="(\/chuyen-muc\/[^"?#]+)"/g)].map((m) => m[1]))];
const titles = [];
for (const path of ['/', ...categories.slice(0, 8)]) {
  for (const page of [1, 2, 3]) {
    const html = await get(page === 1 ? path : `${path}?trang=${page}`);
    for (const m of html.matchAll(/class="card-title[^"]*"[^>]*>\s*<a [^>]*>([\s\S]*?)<\/a>/g)) titles.push(text(m[1]));
  }
}
const words = titles.map((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean)).filter((w) => w.length > 0);
if (words.length < 10) throw new Error(`only ${words.length} titles found on ${base}`);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const queries = Array.from({ length: requests }, (_, i) => {
  const n = 1 + (i % 4);
  let q;
  if (random() < 0.25) {
    q = Array.from({ length: n }, () => pick(pick(words))).join(' ');
  } else {
    const w = pick(words);
    const at = Math.floor(random() * Math.max(1, w.length - n + 1));
    q = w.slice(at, at + n).join(' ');
  }
  return { n, q: random() < 0.5 ? fold(q) : q };
});

const times = { all: [], 1: [], 2: [], 3: [], 4: [] };
const errors = {};
let next = 0;
const began = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < queries.length) {
      const { n, q } = queries[next++];
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/tim-kiem?q=${encodeURIComponent(q)}`, { headers: { 'User-Agent': UA } });
        await res.text();
        if (res.status !== 200) {
          errors[res.status] = (errors[res.status] ?? 0) + 1;
          continue;
        }
      } catch (e) {
        errors[e.cause?.code ?? e.name] = (errors[e.cause?.code ?? e.name] ?? 0) + 1;
        continue;
      }
      const ms = performance.now() - t0;
      times.all.push(ms);
      times[n].push(ms);
    }
  }),
);
const seconds = (performance.now() - began) / 1000;
const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
};
const stats = (xs) => ({ n: xs.length, p50: pct(xs, 0.5), p90: pct(xs, 0.9), p99: pct(xs, 0.99), max: pct(xs, 1) });
console.log(JSON.stringify({
  requests, concurrency, titles: words.length, seconds: Math.round(seconds * 10) / 10,
  per_s: Math.round((times.all.length / seconds) * 10) / 10, errors,
  all: stats(times.all), words: Object.fromEntries([1, 2, 3, 4].map((n) => [n, stats(times[n])])),
  examples: queries.slice(0, 8).map((x) => x.q),
}));
