import { randomFillSync } from "node:crypto";

const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
// One system call per few thousand ids instead of one per id: an import of 100,000 rows spent
// more than half a second drawing random bytes one id at a time.
const pool = new Uint8Array(16 * 1024);
let poolOffset = pool.length;
let lastMillis = -1;
let sequence = 0;

function randomBytes(count: number): Uint8Array {
  if (poolOffset + count > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/**
 * Time-ordered UUIDv7 (RFC 9562): ids sort by creation, which keeps indexes compact and cursors
 * simple. Within one millisecond a 12-bit counter (method 1 of the RFC) keeps them increasing.
 */
export function newId(): string {
  let millis = Date.now();
  const random = randomBytes(10);
  if (millis > lastMillis) {
    lastMillis = millis;
    sequence = ((random[0] ?? 0) & 0x07) << 8; // start low in the counter's range: room to grow
  } else {
    millis = lastMillis;
    sequence += 1;
    if (sequence > 0xfff) {
      lastMillis += 1;
      millis = lastMillis;
      sequence = 0;
    }
  }
  const bytes = new Uint8Array(16);
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes.set(random.subarray(2), 8);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let text = "";
  for (let index = 0; index < 16; index += 1) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += "-";
    text += hex[bytes[index] ?? 0];
  }
  return text;
}
