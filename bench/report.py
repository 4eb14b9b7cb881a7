#!/usr/bin/env python3
"""Writes bench/results/latest.md from the JSON lines bench/backend.sh wrote and the
client files in target/site/pkg: pages and static files against nginx, writes, pages
under writes, memory, and the reader's bundle with each lazily loaded part."""

import glob
import json
import os
import sys
from datetime import datetime, timezone

lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pkg = sys.argv[2]

PAGES = ["article", "home", "category_1", "category_2000", "tag", "topic"]
STATIC = ["static_wasm", "static_js", "static_css"]


def kb(n):
    return f"{n / 1024:.0f} KB" if n >= 10240 else f"{n / 1024:.1f} KB"


def find(backend, kind, **keys):
    for l in lines:
        if l.get("backend") == backend and l.get("kind") == kind and all(l.get(k) == v for k, v in keys.items()):
            return l
    return None


def row(r):
    return f"{r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['socket_errors'] + r['non_2xx']}"


def nginx(r):
    return f"{r['rps']:,.0f} | {r['p99']:.2f} | {r['socket_errors'] + r['non_2xx']}"


out = []
w = out.append
w("# Tòa Soạn bench: latest results")
w("")
w(f"Written by `make bench` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; 2-core machine, wrk on loopback "
  "(2 threads), each figure one run. nginx serves the same bytes, precompressed, in the same run. "
  "Latencies in ms; errors are socket errors plus answers other than 2xx/3xx.")
backends = sorted({l["backend"] for l in lines if "backend" in l}, key=lambda b: b != "sqlite")
for b in backends:
    data = find(b, "data")
    mem = find(b, "memory")
    w("")
    w(f"## {b}")
    w("")
    if data:
        w(f"Data set: {data['articles']:,} articles, generated in {data['seconds']:.0f} s. "
          f"Server peak memory (VmHWM): {mem['peak_kb'] / 1024:.0f} MB." if mem else "")
    w("")
    w("| page | Tòa Soạn req/s | p50 | p99 | errors | nginx req/s | nginx p99 | nginx errors | ratio |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for p in PAGES:
        ours, ng = find(b, "wrk", name=p, target="toasoan"), find(b, "wrk", name=p, target="nginx")
        if ours and ng:
            w(f"| {p} | {row(ours)} | {nginx(ng)} | {ours['rps'] / ng['rps']:.2f} |")
    w("")
    w("| static file | encoding | Tòa Soạn req/s | p50 | p99 | errors | nginx req/s | nginx p99 | nginx errors | ratio |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in STATIC:
        for enc in ["br", "gzip"]:
            ours = find(b, "wrk", name=s, target="toasoan", encoding=enc)
            ng = find(b, "wrk", name=s, target="nginx", encoding=enc)
            if ours and ng:
                w(f"| {s[7:]} | {enc} | {row(ours)} | {nginx(ng)} | {ours['rps'] / ng['rps']:.2f} |")
    w("")
    w("| writes (distinct visitors) | req/s | p50 | p99 | errors | rows stored | 2xx answers |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for name in ["rating_post", "comment_post"]:
        r, stored = find(b, "wrk", name=name), find(b, "stored", name=name)
        if r and stored:
            ok = r["requests"] - r["socket_errors"] - r["non_2xx"]
            w(f"| {name} | {row(r)} | {stored['rows']:,} | {ok:,} |")
    w("")
    w("| page while readers rate and comment on another article | req/s | p50 | p99 | errors | idle req/s | share of idle | posts/s meanwhile |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    for p in ["article", "home"]:
        r = find(b, "wrk", name=f"{p}_under_writes")
        idle = find(b, "wrk", name=p, target="toasoan")
        writes = find(b, "wrk", name=f"writes_during_{p}")
        if r and idle and writes:
            w(f"| {p} | {row(r)} | {idle['rps']:,.0f} | {r['rps'] / idle['rps']:.2f} | {writes['rps']:,.0f} |")

# the reader's bundle and its lazily loaded parts
def sizes(path):
    raw = os.path.getsize(path)
    gz = os.path.getsize(path + ".gz") if os.path.exists(path + ".gz") else 0
    br = os.path.getsize(path + ".br") if os.path.exists(path + ".br") else 0
    return raw, gz, br


def one(pattern):
    found = sorted(glob.glob(os.path.join(pkg, pattern)))
    return found[0] if found else None


w("")
w("## The reader's bundle")
w("")
w("| file | raw | gzip | brotli |")
w("|---|---:|---:|---:|")
main = {}
for kind in ["wasm", "js", "css"]:
    f = one(f"toasoan.*.{kind}")
    if f:
        main[kind] = sizes(f)
        raw, gz, br = main[kind]
        w(f"| {os.path.basename(f)} | {kb(raw)} | {kb(gz)} | {kb(br)} |")
manifest = one("__wasm_split_manifest.*.json")
if manifest:
    w("")
    w("Lazily loaded parts (each with the shared chunks it needs; fetched only on its pages):")
    w("")
    w("| part | files | raw | gzip | brotli |")
    w("|---|---:|---:|---:|---:|")
    for key, files in sorted(json.load(open(manifest)).items()):
        paths = [p for p in (os.path.join(pkg, f + ".wasm") for f in files) if os.path.exists(p)]
        tot = [sum(x) for x in zip(*(sizes(p) for p in paths))] if paths else [0, 0, 0]
        name = key.strip("_").rsplit("_", 1)[0].removesuffix("_view").removesuffix("_loader")
        w(f"| {name} | {len(paths)} | {kb(tot[0])} | {kb(tot[1])} | {kb(tot[2])} |")
staff_json = os.path.join(pkg, "staff.json")
if os.path.exists(staff_json):
    staff = json.load(open(staff_json))
    w("")
    w("The staff's client (the admin area's pages only, never a reader's) and its lazily loaded part, "
      "the block editor (fetched only when an editor opens it):")
    w("")
    w("| part | files | raw | gzip | brotli |")
    w("|---|---:|---:|---:|---:|")
    for name, files in [("staff client (main)", [staff["wasm"]]), ("block editor", staff.get("parts", []))]:
        paths = [p for p in (os.path.join(pkg, f) for f in files) if os.path.exists(p)]
        tot = [sum(x) for x in zip(*(sizes(p) for p in paths))] if paths else [0, 0, 0]
        w(f"| {name} | {len(paths)} | {kb(tot[0])} | {kb(tot[1])} | {kb(tot[2])} |")
typing = next((l for l in lines if l.get("bench") == "editor-typing"), None)
if typing:
    h, f = typing["handled_ms"], typing["frame_ms"]
    w("")
    w(f"Typing in the block editor, {typing['words']:,} words ({typing['length']}), {typing['keys']} keys "
      f"(budget: one frame, 16 ms): the editor's work per key median {h['median']} ms, p95 {h['p95']} ms, "
      f"max {h['max']} ms; to the next frame drawn median {f['median']} ms, p95 {f['p95']} ms, max {f['max']} ms.")
w("")
for b in backends:
    art = find(b, "wrk", name="article", target="toasoan")
    html_br = os.path.join(os.path.dirname(sys.argv[1]), b, "www", "article.html.br")
    if art and os.path.exists(html_br) and "css" in main and "js" in main:
        h = os.path.getsize(html_br)
        w(f"A phone's download for a readable article ({b}), before images and WASM: HTML {kb(h)} + CSS "
          f"{kb(main['css'][2])} + JS {kb(main['js'][2])} = **{kb(h + main['css'][2] + main['js'][2])}** (brotli).")
        break
print("\n".join(out))
