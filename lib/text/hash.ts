/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of a string, as 16 lower-case hex digits.
 * Synchronous and written out here (not crypto.subtle, which is async, nor node:crypto) so the
 * build in Node and the extension in Chrome and Firefox derive identical ids. Not cryptographic:
 * it names records, it does not protect them.
 */
const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

const utf8 = new TextEncoder();

export function fnv1a64(text: string): string {
  let hash = OFFSET_BASIS;
  for (const byte of utf8.encode(text)) {
    hash = ((hash ^ BigInt(byte)) * PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
