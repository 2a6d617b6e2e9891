/**
 * 32-bit MurmurHash3 over UTF-16 code units, written with Math.imul so every engine computes the same
 * bits (no floating point, no platform byte order). Not cryptographic: it only has to spread well.
 */
export function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ text.length);
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hex(n: number, digits: number): string {
  return (n >>> 0)
    .toString(16)
    .padStart(8, '0')
    .slice(8 - digits);
}
