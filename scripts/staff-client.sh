#!/usr/bin/env bash
# Builds the staff's client (src/staff: the admin area's island) after `cargo leptos
# build`, beside the reader's: the folder target/site/pkg/staff.<hash>/ (named by its
# content, so browsers keep it a year) with the main part (toasoan-staff.js and
# toasoan-staff_bg.wasm) and the lazily loaded parts cut from it (the block editor:
# `features::editorial::form`'s `#[lazy]` function, fetched only when an editor opens
# it), and pkg/staff.json naming them (the server reads it at start). As a lazily
# loaded part of the reader's client the admin area's code moved out, but its data
# (strings, tables) stayed in the reader's file; a client of its own keeps the
# reader's small.
#
#   scripts/staff-client.sh            debug build (what the tests run)
#   scripts/staff-client.sh --release  size-tuned profile, wasm-opt, brotli and gzip copies
#
# The WASM is built as cargo-leptos builds the reader's (same target folder, flags and
# profiles), so the two share every compiled dependency; it is cut with the splitter
# cargo-leptos links for `--split` (wasm-split-cli, `make tools`), which reads the
# relocations `--emit-relocs` keeps.
set -euo pipefail
cd "$(dirname "$0")/.."
release=false
profile=dev
out_dir=debug
if [ "${1:-}" = "--release" ]; then
  release=true
  profile=wasm-release
  out_dir=wasm-release
fi
pkg=target/site/pkg
mkdir -p "$pkg"

RUSTFLAGS="-Clink-args=--emit-relocs --cfg erase_components" \
  cargo build --package=toasoan-staff-web --lib --target-dir=target/front \
  --target=wasm32-unknown-unknown --no-default-features --features=hydrate --profile="$profile"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
mkdir -p "$out"
# main part → $out/toasoan-staff.wasm, the parts beside it (split_*.wasm, chunk_*.wasm)
# and their loader (__wasm_split.js, which imports ./toasoan-staff.js)
wasm-split-cli --target web --out-name toasoan-staff \
  "target/front/wasm32-unknown-unknown/$out_dir/toasoan_staff_web.wasm" "$out"
node scripts/wasm-strip-relocs.mjs "$out/toasoan-staff.wasm"
# the parts import the main part's table, memory and stack pointer by their linker names
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$out" --out-name toasoan-staff "$out/toasoan-staff.wasm"
rm "$out/toasoan-staff.wasm"
parts=$(cd "$out" && ls split_*.wasm chunk_*.wasm 2>/dev/null | sort || true)
if $release; then
  for file in "$out"/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$file" -o "$file"
  done
fi

hash=$(cd "$out" && find . -type f | sort | xargs cat | sha256sum | cut -c1-20)
dir="staff.$hash"
rm -rf "$pkg"/staff.*/ "$pkg"/toasoan-staff.*
cp -r "$out" "$pkg/$dir"
list=$(for part in $parts; do printf '"%s/%s",' "$dir" "$part"; done)
printf '{"js":"%s/toasoan-staff.js","wasm":"%s/toasoan-staff_bg.wasm","parts":[%s]}\n' \
  "$dir" "$dir" "${list%,}" > "$pkg/staff.json"
if $release; then
  find "$pkg/$dir" -type f \( -name '*.js' -o -name '*.wasm' \) -print0 |
    xargs -0 node scripts/precompress.mjs
fi
echo "staff client: $pkg/$dir ($(du -sb "$pkg/$dir" | cut -f1) bytes; main $(stat -c %s "$pkg/$dir/toasoan-staff_bg.wasm"))"
