// Drops the linker's custom sections (`linking`, `reloc.*`) from a WASM file, in place.
// The two clients are compiled with the same flags so they share every dependency's
// build, and those flags ask the linker to keep relocations (`--emit-relocs`, which
// `cargo leptos build --split` needs to cut the reader's client into parts). The staff
// client is not cut: its relocations would only weigh (half its size) and keep
// wasm-opt from optimising it.
import { readFileSync, writeFileSync } from "node:fs";

function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

const file = process.argv[2];
const bytes = readFileSync(file);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a WASM file`);
const kept = [bytes.subarray(0, 8)];
let at = 8;
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  const [size, body] = leb(bytes, at);
  at = body + size;
  if (id === 0) {
    const [length, name] = leb(bytes, body);
    const title = bytes.subarray(name, name + length).toString("utf8");
    if (title === "linking" || title.startsWith("reloc.")) continue;
  }
  kept.push(bytes.subarray(start, at));
}
writeFileSync(file, Buffer.concat(kept));
