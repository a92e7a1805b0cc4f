// 32-bit hashing for features: a feature is never stored as a string, only as
// the hash of (template, value...). Training and tagging share these functions,
// so a change here means retraining (see FEATURE_VERSION in features.ts).

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One murmur3 round: fold a 32-bit value into a running hash. */
export function mix(h: number, x: number): number {
  x = Math.imul(x, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  h ^= x;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser; never returns 0 (0 marks an empty slot in the weight table). */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export const f1 = (t: number, a: number): number => finish(mix(t, a));
export const f2 = (t: number, a: number, b: number): number => finish(mix(mix(t, a), b));
export const f3 = (t: number, a: number, b: number, c: number): number => finish(mix(mix(mix(t, a), b), c));
