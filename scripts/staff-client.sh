#!/usr/bin/env bash
# Builds the staff's client (src/staff: the admin area's island) after `cargo leptos
# build`, beside the reader's in target/site/pkg: toasoan-staff.<hash>.js and .wasm,
# and staff.json naming them (the server reads it at start). As a lazily loaded part
# of the reader's client the admin area's code moved out, but its data (strings,
# tables) stayed in the reader's file; a client of its own keeps the reader's small.
#
#   scripts/staff-client.sh            debug build (what the tests run)
#   scripts/staff-client.sh --release  size-tuned profile, wasm-opt, brotli and gzip copies
#
# The WASM is built as cargo-leptos builds the reader's (same target folder, flags and
# profiles), so the two share every compiled dependency.
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
cp "target/front/wasm32-unknown-unknown/$out_dir/toasoan_staff_web.wasm" "$work/built.wasm"
node scripts/wasm-strip-relocs.mjs "$work/built.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name toasoan-staff \
  "$work/built.wasm"
if $release; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$work/toasoan-staff_bg.wasm" -o "$work/toasoan-staff_bg.wasm"
fi

hash=$(cat "$work/toasoan-staff.js" "$work/toasoan-staff_bg.wasm" | sha256sum | cut -c1-20)
rm -f "$pkg"/toasoan-staff.*
cp "$work/toasoan-staff.js" "$pkg/toasoan-staff.$hash.js"
cp "$work/toasoan-staff_bg.wasm" "$pkg/toasoan-staff.$hash.wasm"
if [ -d "$work/snippets" ]; then
  cp -r "$work/snippets" "$pkg/"
fi
printf '{"js":"toasoan-staff.%s.js","wasm":"toasoan-staff.%s.wasm"}\n' "$hash" "$hash" \
  > "$pkg/staff.json"
if $release; then
  node scripts/precompress.mjs "$pkg/toasoan-staff.$hash.js" "$pkg/toasoan-staff.$hash.wasm"
fi
echo "staff client: $pkg/toasoan-staff.$hash.wasm ($(stat -c %s "$pkg/toasoan-staff.$hash.wasm") bytes)"
